package pl.koordes.shared.i18n;

import java.util.Locale;

/** The interface's languages: Polish first, English second. Anything else falls back to Polish. */
public enum Language {
    PL(Locale.forLanguageTag("pl-PL")),
    EN(Locale.forLanguageTag("en-GB"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The two-letter code used in {@code lang} attributes, parameters and cookies. */
    public String code() {
        return locale.getLanguage();
    }

    public Language other() {
        return this == PL ? EN : PL;
    }

    /** Reads a code from a request; unknown, empty or hostile values give Polish. */
    public static Language fromCode(String code) {
        if (code != null && code.trim().equalsIgnoreCase("en")) {
            return EN;
        }
        return PL;
    }

    public static Language of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : PL;
    }
}
