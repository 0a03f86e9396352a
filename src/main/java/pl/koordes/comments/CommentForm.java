package pl.koordes.comments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.comments.internal.CommentManagement;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * What a visitor typed into the comment form, bound and normalised by Spring. The annotations say
 * what each field must be; the lengths here are ceilings, and {@link CommentManagement} checks the
 * (narrower) limits of the settings. Title and signature may hold line breaks as typed: they are
 * folded into spaces when the comment is kept, which is kinder than refusing a pasted title.
 *
 * <p>An editor's change to a comment's text is bound to the same record (the edit form sends only the
 * title, the content and the signature), so both forms check their texts the same way.
 *
 * @param consent ticked to be told by e-mail when the comment is published (absent when not ticked)
 * @param website the honeypot: hidden from people, filled by robots; never stored or shown, so not checked
 * @param proof the proof-of-work solution filled in by the form's script; empty without JavaScript
 */
public record CommentForm(
        @NotBlank(message = "comments.error.title.required")
        @Text(max = CommentForm.MAX_LINE, multiline = true)
        @Nullable
        String title,

        @NotBlank(message = "comments.error.body.required")
        @Text(max = CommentForm.MAX_BODY, multiline = true)
        @Nullable
        String body,

        @NotBlank(message = "comments.error.signature.required")
        @Text(max = CommentForm.MAX_LINE, multiline = true)
        @Nullable
        String signature,

        @Text(max = EmailAddresses.MAX_LENGTH)
        @Pattern(regexp = "|" + EmailAddresses.PLAIN_ADDRESS, message = "comments.error.email")
        @Nullable
        String email,

        @Nullable Boolean consent,
        @Nullable String website,
        @Nullable String proof)
        implements CrossFieldRules {

    /** The most any setting may allow for a title or a signature. */
    public static final int MAX_LINE = 1_000;
    /** The most any setting may allow for a comment's content. */
    public static final int MAX_BODY = 100_000;

    public static CommentForm empty() {
        return new CommentForm("", "", "", "", false, "", "");
    }

    /** An address and the consent to use it go together: one without the other is a mistake to point out. */
    @Override
    public void checkTogether(Errors errors) {
        boolean hasEmail = email != null && !email.isEmpty();
        if (hasEmail && !consented()) {
            errors.rejectValue("consent", "comments.error.consentMissing");
        } else if (!hasEmail && consented()) {
            errors.rejectValue("email", "comments.error.emailMissing");
        }
    }

    /** Whether the box was ticked. */
    public boolean consented() {
        return Boolean.TRUE.equals(consent);
    }

    /** The form to show again: what was typed, cut to a sane length, the robots' fields cleared. */
    public CommentForm forRedisplay(int max) {
        return new CommentForm(
                cut(title, max),
                cut(body, max),
                cut(signature, max),
                cut(email, EmailAddresses.MAX_LENGTH),
                consented(),
                "",
                "");
    }

    /** The text of a field, never null. */
    public static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String cut(@Nullable String value, int max) {
        String v = text(value);
        return v.length() > max ? v.substring(0, max) : v;
    }
}
