package org.exposure.assessor.intake.validation;

import java.util.List;

import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.dto.BankDto;
import org.exposure.assessor.intake.dto.CorrespondentDto;
import org.exposure.assessor.intake.dto.SubjectDto;
import org.exposure.assessor.intake.dto.OwnerDto;
import org.exposure.assessor.intake.dto.PaymentDto;
import org.exposure.assessor.intake.dto.ExportDto;
import org.exposure.assessor.intake.dto.GoodsDto;
import org.exposure.assessor.intake.dto.SupplierDto;
import org.exposure.assessor.intake.dto.IdentifierDto;
import org.exposure.assessor.screening.PartyIdentifiers;

/**
 * Checks the identifiers of a subject's parties (correspondents, payment counterparties, owners at any depth,
 * consignees, the end user of goods), which field constraints cannot, since what a value must be depends on its kind:
 * the kind must be one, the value must pass its kind's check (check digits; a BIC's country). A correspondent needs a
 * name unless it is given by its BIC or identifiers, by which it is then screened; the other parties keep needing
 * what they needed before, their identifiers only adding to their names.
 */
public final class IdentifierChecks {

    private IdentifierChecks() {
    }

    /** Adds an error for every identifier of the subject's parties that is not one. */
    public static void check(SubjectDto subject, String prefix, List<FieldError> errors) {
        String at = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
        if (subject instanceof BankDto bank) {
            check(bank, prefix, errors);
            List<PaymentDto> payments = bank.payments();
            for (int i = 0; payments != null && i < payments.size(); i++) {
                PaymentDto p = payments.get(i);
                if (p != null && p.counterparty() != null) {
                    identifiers(p.counterparty().identifiers(), at + "payments[" + i + "].counterparty", errors);
                }
            }
        } else if (subject instanceof SupplierDto supplier) {
            owners(supplier.owners(), at + "owners", errors);
            List<ExportDto> exports = supplier.exports();
            for (int i = 0; exports != null && i < exports.size(); i++) {
                ExportDto e = exports.get(i);
                if (e != null && e.consignee() != null) {
                    identifiers(e.consignee().identifiers(), at + "exports[" + i + "].consignee", errors);
                }
            }
        } else if (subject instanceof GoodsDto goods && goods.endUser() != null) {
            identifiers(goods.endUser().identifiers(), at + "endUser", errors);
        }
    }

    private static void owners(List<OwnerDto> owners, String path, List<FieldError> errors) {
        for (int i = 0; owners != null && i < owners.size(); i++) {
            OwnerDto o = owners.get(i);
            if (o != null) {
                identifiers(o.identifiers(), path + "[" + i + "]", errors);
                owners(o.owners(), path + "[" + i + "].owners", errors);
            }
        }
    }

    /** Checks the correspondents of a bank: their identifiers, and a name unless a BIC or an identifier is given. */
    static void check(BankDto bank, String prefix, List<FieldError> errors) {
        List<CorrespondentDto> correspondents = bank.correspondents();
        if (correspondents == null) {
            return;
        }
        for (int i = 0; i < correspondents.size(); i++) {
            CorrespondentDto c = correspondents.get(i);
            if (c == null) {
                continue;
            }
            String path = (prefix == null || prefix.isEmpty() ? "" : prefix + ".") + "correspondents[" + i + "]";
            boolean identified = c.bic() != null && !c.bic().isBlank();
            identified |= identifiers(c.identifiers(), path, errors);
            if ((c.name() == null || c.name().isBlank()) && !identified) {
                errors.add(new FieldError(path + ".name", "must not be blank unless the bank is given by its bic or identifiers"));
            }
        }
    }

    /** Adds an error for every identifier of {@code ids} that is not one; whether at least one is. */
    private static boolean identifiers(List<IdentifierDto> ids, String path, List<FieldError> errors) {
        boolean identified = false;
        for (int j = 0; ids != null && j < ids.size(); j++) {
            IdentifierDto id = ids.get(j);
            String here = path + ".identifiers[" + j + "]";
            if (id == null) {
                errors.add(new FieldError(here, "must not be null"));
            } else if (id.kind() == null || !PartyIdentifiers.isKind(id.kind())) {
                errors.add(new FieldError(here + ".kind", "must be one of " + String.join(", ", PartyIdentifiers.KINDS)));
            } else if (id.value() == null || id.value().isBlank()) {
                errors.add(new FieldError(here + ".value", "must not be blank"));
            } else {
                String problem = PartyIdentifiers.problem(id.kind(), id.value());
                if (problem != null) {
                    errors.add(new FieldError(here + ".value", "is no " + id.kind().strip().toUpperCase(java.util.Locale.ROOT)
                            + ": " + problem));
                } else {
                    identified = true;
                }
            }
        }
        return identified;
    }
}
