package org.exposure.assessor.intake.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A name that can be read and screened: no control characters (U+0000, tab, line breaks, U+0080..U+009F) and at
 * least one visible character. A name of zero-width spaces, joiners, direction marks or other format characters
 * passes a blank check, is stored, is shown as nothing and matches no list entry. Format characters inside a real
 * name stay allowed (a zero-width non-joiner is part of Persian spelling). Null and blank are left to @NotBlank.
 */
@Documented
@Constraint(validatedBy = VisibleName.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface VisibleName {
    String message() default "must contain a visible character and no control character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VisibleName, String> {
        /** Letters by category that render as blank space (Hangul fillers) and the blank Braille pattern. */
        private static final Set<Integer> BLANK_LETTERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // Only the fixed text and a code point number reach the template: no client text is interpolated.
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        /** What is wrong with the name, or null. */
        public static String problem(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            int control = value.codePoints().filter(cp -> Character.getType(cp) == Character.CONTROL).findFirst().orElse(-1);
            if (control >= 0) {
                return "contains the control character " + codePoint(control) + "; a name is one line of printable text";
            }
            if (value.codePoints().noneMatch(Validator::visible)) {
                return "has no visible character (only " + codePoint(value.codePointAt(0))
                        + (value.codePointCount(0, value.length()) > 1 ? " and the like" : "")
                        + "): a name must be readable to be screened";
            }
            return null;
        }

        private static boolean visible(int cp) {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || BLANK_LETTERS.contains(cp)) {
                return false;
            }
            return switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE,
                     Character.PRIVATE_USE, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> false;
                default -> true;
            };
        }

        private static String codePoint(int cp) {
            return String.format(Locale.ROOT, "U+%04X", cp);
        }
    }
}
