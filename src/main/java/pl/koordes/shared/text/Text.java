package pl.koordes.shared.text;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A typed text field: at most {@link #max()} characters as a reader counts them (code points), and no
 * control character (a NUL, an escape) or broken surrogate; line breaks only where {@link #multiline()}.
 * Null and empty pass: say {@code @NotBlank} where the field is required. The messages are
 * {@code form.tooLong} (with the limit) and {@code form.unprintable}.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    int max();

    boolean multiline() default false;

    String message() default "form.unprintable";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
