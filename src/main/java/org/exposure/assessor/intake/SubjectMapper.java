package org.exposure.assessor.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Consignee;
import org.exposure.assessor.domain.Correspondent;
import org.exposure.assessor.domain.Export;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Owner;
import org.exposure.assessor.domain.Party;
import org.exposure.assessor.domain.Payment;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.Submission;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.domain.PartyIdentifier;
import org.exposure.assessor.intake.dto.IdentifierDto;
import org.exposure.assessor.screening.PartyIdentifiers;
import org.exposure.assessor.intake.dto.BankDto;
import org.exposure.assessor.intake.dto.ConsigneeDto;
import org.exposure.assessor.intake.dto.CorrespondentDto;
import org.exposure.assessor.intake.dto.ExportDto;
import org.exposure.assessor.intake.dto.GoodsDto;
import org.exposure.assessor.intake.dto.OwnerDto;
import org.exposure.assessor.intake.dto.PartyDto;
import org.exposure.assessor.intake.dto.PaymentDto;
import org.exposure.assessor.intake.dto.SubjectDto;
import org.exposure.assessor.intake.dto.SupplierDto;
import org.exposure.assessor.intake.validation.Codes;

/**
 * Turns a validated request into the domain's normalised subject: codes upper-cased, HS codes (and the 8- and
 * 10-digit national tariff codes built on them) to six digits,
 * blank strings to absent, absent lists to empty ones. Only ever called on input that passed validation.
 */
public final class SubjectMapper {
    private SubjectMapper() {
    }

    public static Subject toDomain(SubjectDto dto) {
        return submission(dto).subject();
    }

    /**
     * The subject with the notes the mapping made: a warning HS_CODE_SHORTENED, naming the field, for every 8- or
     * 10-digit national tariff code cut to its HS-6, since the subject keeps only the six digits that are assessed.
     */
    public static Submission submission(SubjectDto dto) {
        return new Submission(subject(dto), shortened(dto));
    }

    private static Subject subject(SubjectDto dto) {
        if (dto instanceof GoodsDto g) {
            return new GoodsSubject(text(g.ref()), text(g.name()), strings(g.aliases()), Codes.country(g.country()),
                    text(g.region()), Codes.hsCode(g.hsCode()), dualUse(g.dualUseCode()), text(g.description()),
                    Codes.country(g.originCountry()), Codes.country(g.destinationCountry()),
                    text(g.destinationRegion()), party(g.endUser()), g.noReexportClause(), g.date());
        }
        if (dto instanceof SupplierDto s) {
            return new SupplierSubject(text(s.ref()), text(s.name()), strings(s.aliases()), Codes.country(s.country()),
                    text(s.region()), s.incorporatedOn(), text(s.website()), s.residentialAddress(),
                    list(s.lineOfBusiness(), String::strip), list(s.owners(), SubjectMapper::owner),
                    list(s.exports(), SubjectMapper::export));
        }
        BankDto b = (BankDto) dto;
        return new BankSubject(text(b.ref()), text(b.name()), strings(b.aliases()), Codes.country(b.country()),
                text(b.region()), b.internationalExposure(), b.usCorrespondentAccess(), b.connectedToSpfs(),
                b.russiaPaymentShare(), list(b.correspondents(), SubjectMapper::correspondent),
                list(b.payments(), SubjectMapper::payment));
    }

    private static List<Warning> shortened(SubjectDto dto) {
        List<Warning> out = new ArrayList<>();
        if (dto instanceof GoodsDto g) {
            shortened(g.hsCode(), "hsCode", out);
        } else if (dto instanceof SupplierDto s && s.exports() != null) {
            for (int i = 0; i < s.exports().size(); i++) {
                shortened(s.exports().get(i).hsCode(), "exports[" + i + "].hsCode", out);
            }
        } else if (dto instanceof BankDto b && b.payments() != null) {
            for (int i = 0; i < b.payments().size(); i++) {
                List<String> codes = b.payments().get(i).hsCodes();
                for (int j = 0; codes != null && j < codes.size(); j++) {
                    shortened(codes.get(j), "payments[" + i + "].hsCodes[" + j + "]", out);
                }
            }
        }
        return out;
    }

    private static void shortened(String code, String field, List<Warning> out) {
        if (Codes.isNationalTariffCode(code)) {
            String hs6 = Codes.hsCode(code);
            out.add(new Warning("HS_CODE_SHORTENED", field, "tariff code \"" + code + "\" has more than the six digits"
                    + " of the HS; it was assessed as HS " + hs6.substring(0, 4) + "." + hs6.substring(4)
                    + ", its first six digits"));
        }
    }

    private static Party party(PartyDto p) {
        return p == null ? null : new Party(text(p.name()), Codes.country(p.country()), text(p.region()), p.sanctioned(),
                p.sector(), text(p.city()), identifiers(p.identifiers()));
    }

    private static Owner owner(OwnerDto o) {
        return new Owner(text(o.name()), Codes.country(o.country()), o.sharePercent(), o.sanctioned(),
                list(o.owners(), SubjectMapper::owner), text(o.birthDate()), Codes.country(o.nationality()),
                text(o.city()), identifiers(o.identifiers()));
    }

    private static Export export(ExportDto e) {
        return new Export(Codes.hsCode(e.hsCode()), dualUse(e.dualUseCode()), Codes.country(e.destinationCountry()),
                text(e.destinationRegion()), consignee(e.consignee()), text(e.borderCrossing()), e.valueUsd(),
                e.endUseStatement(), e.noReexportClause(), e.date());
    }

    private static Consignee consignee(ConsigneeDto c) {
        return c == null ? null
                : new Consignee(text(c.name()), Codes.country(c.country()), text(c.region()), c.kind(), c.sanctioned(),
                        text(c.city()), identifiers(c.identifiers()));
    }

    private static Correspondent correspondent(CorrespondentDto c) {
        return new Correspondent(text(c.name()), Codes.country(c.country()),
                c.bic() == null ? null : c.bic().strip().toUpperCase(java.util.Locale.ROOT), c.sanctioned(),
                identifiers(c.identifiers()), text(c.city()));
    }

    /** Identifiers in their kinds' canonical forms; the intake has checked them ({@code IdentifierChecks}). */
    private static List<PartyIdentifier> identifiers(List<IdentifierDto> ids) {
        return list(ids, i -> PartyIdentifiers.canonical(i.kind(), i.value()));
    }

    private static Payment payment(PaymentDto p) {
        return new Payment(party(p.counterparty()), list(p.hsCodes(), Codes::hsCode),
                Codes.country(p.destinationCountry()), p.amountUsd(), p.date());
    }

    private static String dualUse(String code) {
        return text(code) == null ? null : Codes.dualUseCode(code);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> strings(List<String> values) {
        return list(values, String::strip);
    }

    private static <A, B> List<B> list(List<A> values, Function<A, B> map) {
        return values == null ? List.of() : values.stream().map(map).toList();
    }
}
