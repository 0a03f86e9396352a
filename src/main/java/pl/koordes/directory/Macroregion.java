package pl.koordes.directory;

import java.util.Locale;

/**
 * A group of regions for macro-regional meetings (NUTS-1 by default).
 *
 * @param code the NUTS-1 code, e.g. PL2
 */
public record Macroregion(long id, String code, String slug, String namePl, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : namePl;
    }
}
