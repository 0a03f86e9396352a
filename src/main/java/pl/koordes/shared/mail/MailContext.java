package pl.koordes.shared.mail;

import org.jspecify.annotations.Nullable;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.i18n.Wording;

/**
 * What a mail template needs, given to it as the parameter {@code mail}: the recipient's language
 * and its words, and absolute links to the site. The layout {@code mail/layout.jte} records the
 * subject here, so the subject is written in the template beside the body.
 */
public final class MailContext {

    private final Wording wording;
    private final String baseUrl;
    private final @Nullable String unsubscribeUrl;
    private @Nullable String subject;

    MailContext(Language language, Messages messages, String baseUrl, @Nullable String unsubscribeUrl) {
        this.wording = new Wording(language, messages);
        this.baseUrl = baseUrl;
        this.unsubscribeUrl = unsubscribeUrl;
    }

    /**
     * The absolute link that turns this kind of e-mail off without signing in (the layout's footer shows it), or
     * null for an essential e-mail or a recipient without an account.
     */
    public @Nullable String unsubscribeUrl() {
        return unsubscribeUrl;
    }

    /** The message {@code key} in the recipient's language. */
    public String t(String key, Object... args) {
        return wording.t(key, args);
    }

    public String lang() {
        return wording.lang();
    }

    /** The site's public address, without a trailing slash. */
    public String siteUrl() {
        return baseUrl;
    }

    /** An absolute link to {@code path} on the site ({@code /konto} → {@code https://koordes.example/konto}). */
    public String url(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /** Called by the mail layout; whitespace and line breaks collapse, since a subject is one header line. */
    public void useSubject(String text) {
        this.subject = text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    @Nullable
    String subject() {
        return subject;
    }
}
