package pl.koordes.content.internal;

/** A tag as links show it: its address part and its name. */
public record TagRef(String slug, String name) {

    public String href() {
        return "/aktualnosci?tag=" + slug;
    }
}
