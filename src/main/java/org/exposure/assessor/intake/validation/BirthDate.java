package org.exposure.assessor.intake.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A person's date of birth as far as it is known: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} (the forms the
 * lists give, which the matcher compares at the precision both sides give), a real date, from 1900 on and not in
 * the future (a prefix is in the future when its first day is). Anything else is a typo: a person on a list today
 * was not born before 1900, and a wrong date of birth would lower the score of a true match. Null is valid.
 */
@Documented
@Constraint(validatedBy = BirthDate.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface BirthDate {
    int EARLIEST_YEAR = 1900;

    String message() default "must be a date of birth as YYYY, YYYY-MM or YYYY-MM-DD, from 1900 and not in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<BirthDate, String> {
        private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || firstDay(value) != null;
        }

        /** The first day the value can mean, or null when it is not a valid date of birth. */
        public static LocalDate firstDay(String value) {
            Matcher m = FORM.matcher(value.strip());
            if (!m.matches()) {
                return null;
            }
            try {
                LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)),
                        m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
                return first.getYear() < EARLIEST_YEAR || first.isAfter(LocalDate.now(ZoneOffset.UTC)) ? null : first;
            } catch (DateTimeException e) {
                return null;
            }
        }
    }
}
