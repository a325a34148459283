package org.exposure.assessor.intake.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date of a subject (incorporation, shipment, contract, payment) between 1600-01-01 and 2199-12-31. The oldest
 * companies still on a register were chartered in the 17th century; no contract or payment is dated two centuries
 * ahead. A date outside is a typo or a probe ({@code +999999999-12-31}), and inside every date keeps the four-digit
 * year of ISO 8601 that every database and reader handles. Null is valid.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlausibleDate {
    LocalDate EARLIEST = LocalDate.of(1600, 1, 1);
    LocalDate LATEST = LocalDate.of(2199, 12, 31);

    String message() default "must be a date from 1600-01-01 to 2199-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST));
        }
    }
}
