package pl.koordes.content.internal;

import java.util.Map;

/**
 * Where static pages live: under /strony/{slug}, except those whose address is known from before
 * (the privacy policy at /prywatnosc) or that the law names (the accessibility declaration).
 */
public final class PageAddresses {

    /** Pages with an address of their own: slug → path. */
    public static final Map<String, String> FIXED = Map.of(
            "prywatnosc", "/prywatnosc",
            "deklaracja-dostepnosci", "/deklaracja-dostepnosci");

    private PageAddresses() {}

    public static String href(String slug) {
        return FIXED.getOrDefault(slug, "/strony/" + slug);
    }
}
