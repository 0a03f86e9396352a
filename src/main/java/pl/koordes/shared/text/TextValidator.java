package pl.koordes.shared.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link Text}. */
public final class TextValidator implements ConstraintValidator<Text, String> {

    private int max;
    private boolean multiline;

    @Override
    public void initialize(Text annotation) {
        max = annotation.max();
        multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        if (TextInput.unprintable(value, multiline)) {
            return false;
        }
        if (TextInput.length(value) > max) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("form.tooLong").addConstraintViolation();
            return false;
        }
        return true;
    }
}
