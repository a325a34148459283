package org.exposure.assessor.intake.validation;

import java.util.List;

import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.dto.BankDto;
import org.exposure.assessor.intake.dto.CorrespondentDto;
import org.exposure.assessor.intake.dto.IdentifierDto;
import org.exposure.assessor.screening.PartyIdentifiers;

/**
 * Checks the identifiers of a bank's correspondents, which field constraints cannot, since what a value must be
 * depends on its kind: the kind must be one, the value must pass its kind's check (check digits; a BIC's country).
 * A correspondent needs a name unless it is given by its BIC or identifiers, by which it is then screened.
 */
public final class IdentifierChecks {

    private IdentifierChecks() {
    }

    public static void check(BankDto bank, String prefix, List<FieldError> errors) {
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
            List<IdentifierDto> ids = c.identifiers();
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
            if ((c.name() == null || c.name().isBlank()) && !identified) {
                errors.add(new FieldError(path + ".name", "must not be blank unless the bank is given by its bic or identifiers"));
            }
        }
    }
}
