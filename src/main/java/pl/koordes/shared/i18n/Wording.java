package pl.koordes.shared.i18n;

import java.util.Locale;

/**
 * Words in one language, for what a template renders: a page ({@code shared.web.Page}) or an
 * e-mail ({@code shared.mail.MailContext}). Templates call its {@code t} method with a message key.
 *
 * @param language the reader's language
 * @param messages where the words come from
 */
public record Wording(Language language, Messages messages) {

    /** The message {@code key} in this language. */
    public String t(String key, Object... args) {
        return messages.get(language.locale(), key, args);
    }

    public String lang() {
        return language.code();
    }

    public Locale locale() {
        return language.locale();
    }
}
