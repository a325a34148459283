package org.exposure.assessor.intake;

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
import org.exposure.assessor.domain.SupplierSubject;
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
 * Turns a validated request into the domain's normalised subject: codes upper-cased, HS codes to six digits,
 * blank strings to absent, absent lists to empty ones. Only ever called on input that passed validation.
 */
public final class SubjectMapper {
    private SubjectMapper() {
    }

    public static Subject toDomain(SubjectDto dto) {
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

    private static Party party(PartyDto p) {
        return p == null ? null : new Party(text(p.name()), Codes.country(p.country()), text(p.region()), p.sanctioned(),
                p.sector());
    }

    private static Owner owner(OwnerDto o) {
        return new Owner(text(o.name()), Codes.country(o.country()), o.sharePercent(), o.sanctioned(),
                list(o.owners(), SubjectMapper::owner));
    }

    private static Export export(ExportDto e) {
        return new Export(Codes.hsCode(e.hsCode()), dualUse(e.dualUseCode()), Codes.country(e.destinationCountry()),
                text(e.destinationRegion()), consignee(e.consignee()), text(e.borderCrossing()), e.valueUsd(),
                e.endUseStatement(), e.noReexportClause(), e.date());
    }

    private static Consignee consignee(ConsigneeDto c) {
        return c == null ? null
                : new Consignee(text(c.name()), Codes.country(c.country()), text(c.region()), c.kind(), c.sanctioned());
    }

    private static Correspondent correspondent(CorrespondentDto c) {
        return new Correspondent(text(c.name()), Codes.country(c.country()),
                c.bic() == null ? null : c.bic().strip().toUpperCase(java.util.Locale.ROOT), c.sanctioned());
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
