package pl.koordes.shared.web;

/** Entity tags of answers kept in memory (public pages, open-data lists), compared as HTTP compares them. */
public final class EntityTags {

    private EntityTags() {}

    /** Whether an {@code If-None-Match} list names this tag, compared weakly as for GET (RFC 9110, 13.1.2). */
    public static boolean named(String ifNoneMatch, String etag) {
        String own = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(own)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
