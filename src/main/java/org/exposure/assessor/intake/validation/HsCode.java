package org.exposure.assessor.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** An HS-6 code or an 8- or 10-digit national tariff code (see {@link Codes#isHsCode}). Null is valid (use @NotNull where the field is required). */
@Documented
@Constraint(validatedBy = HsCode.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface HsCode {
    String message() default "must be a six-digit HS code such as 8542.31, 854231 or 8542 31, or an 8- or 10-digit"
            + " national tariff code such as 8542.31.00 or 8542.31.0000 (assessed under its first six digits)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HsCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Codes.isHsCode(value);
        }
    }
}
