package pl.koordes.monitoring;

import java.util.Locale;

/**
 * One of the four areas of the national programme (KPRES), as other modules tag their records with it.
 *
 * @param code the area's Roman numeral (I–IV), stable: other modules store it
 */
public record KpresArea(String code, String namePl, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : namePl;
    }
}
