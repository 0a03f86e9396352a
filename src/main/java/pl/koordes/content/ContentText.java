package pl.koordes.content;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import pl.koordes.shared.text.Text;

/**
 * What a title, a lead and a text must be wherever an editor writes one (an article, a static page, its
 * English version): each is one annotation with its length, its message and its lines together.
 * Single-line fields refuse control characters (PostgreSQL refuses NUL, and a line break in a title
 * would break feeds and headers).
 *
 * <p>The annotations are composed constraints: each rule they carry reports on its own, with its own
 * message, as if it were written on the field. None requires a value: say {@code @NotBlank} where the
 * field is required.
 */
public final class ContentText {

    private ContentText() {}

    /** A title: one line of at most 200 characters. */
    @Size(max = 200, message = "content.size.200")
    @Text(max = 200, message = "content.singleLine")
    @Documented
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Title {

        String message() default "content.size.200";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A lead: one line of at most 600 characters. */
    @Size(max = 600, message = "content.size.600")
    @Text(max = 600, message = "content.singleLine")
    @Documented
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Lead {

        String message() default "content.size.600";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A text in Markdown: lines of at most 100,000 characters in all. */
    @Size(max = 100_000, message = "content.size.100000")
    @Text(max = 100_000, multiline = true)
    @Documented
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Body {

        String message() default "content.size.100000";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
