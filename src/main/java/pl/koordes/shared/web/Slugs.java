package pl.koordes.shared.web;

import java.text.Normalizer;
import java.util.Locale;

/** Web addresses from Polish names: "Ekonomia społeczna w regionach" → "ekonomia-spoleczna-w-regionach". */
public final class Slugs {

    private Slugs() {}

    public static String of(String text) {
        // ł and Ł have no decomposition in Unicode, so they are mapped before stripping diacritics.
        String latin = text.replace('ł', 'l').replace('Ł', 'L');
        String stripped = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
