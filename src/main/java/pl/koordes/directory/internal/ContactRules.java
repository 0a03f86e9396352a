package pl.koordes.directory.internal;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import pl.koordes.shared.text.Text;

/**
 * What a contact detail must look like, for every form of the directory that takes one: each rule is
 * one annotation (its length, pattern and message together), so an institution's, a ROPS's and a
 * committee member's e-mail are checked alike. Each pattern also accepts an empty field, which is no
 * value: forms bind an empty field as empty text.
 *
 * <p>The annotations are composed constraints: each rule they carry reports on its own, with its own
 * message, as if it were written on the field (so the form shows the same message as before).
 */
public final class ContactRules {

    static final String POSTAL_CODE = "([0-9]{2}-[0-9]{3})?";
    /** Something@something.domain: what Bean Validation's own e-mail check lets through without a dot is refused too. */
    static final String EMAIL = "([^@\\s]+@[^@\\s]+\\.[^@\\s]+)?";

    static final String PHONE = "[0-9+()./ -]*";
    /** An http or https address with a host name: the region page links to it, so nothing else (javascript:) passes. */
    static final String WEB_ADDRESS =
            "((?i)https?://[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*(:[0-9]{1,5})?([/?#]\\S*)?)?";

    private ContactRules() {}

    /** A Polish postal code ({@code 00-950}). */
    @Pattern(regexp = POSTAL_CODE, message = "directory.admin.postalCode.invalid")
    @Text(max = 6)
    @Documented
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface PostalCode {

        String message() default "directory.admin.postalCode.invalid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** An e-mail address. */
    @jakarta.validation.constraints.Email(message = "directory.admin.email.invalid")
    @Pattern(regexp = EMAIL, message = "directory.admin.email.invalid")
    @Text(max = 254)
    @Documented
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Email {

        String message() default "directory.admin.email.invalid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A telephone number as people write it: digits, spaces and {@code +()./-}. */
    @Pattern(regexp = PHONE, message = "directory.admin.phone.invalid")
    @Text(max = 40)
    @Documented
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Phone {

        String message() default "directory.admin.phone.invalid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A website's address. */
    @Pattern(regexp = WEB_ADDRESS, message = "directory.admin.website.invalid")
    @Text(max = 300)
    @Documented
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Website {

        String message() default "directory.admin.website.invalid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
