package pl.koordes.directory;

import java.util.Locale;

/**
 * A voivodeship, identified by its TERYT code.
 *
 * @param teryt the two-digit TERYT code (02–32)
 * @param slug the Polish name without diacritics, used in addresses (/regiony/malopolskie)
 * @param seat the seat of the marshal's office
 */
public record Region(
        long id, String teryt, String slug, String namePl, String nameEn, String seat, Macroregion macroregion) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : namePl;
    }

    public String href() {
        return "/regiony/" + slug;
    }
}
