package pl.koordes.knowledge;

import java.util.List;
import java.util.Set;

/**
 * What links to a library document, shown on its page under "Odwołują się do niego": other documents that link
 * to it, and whatever another part of knowledge adds (the discussions: "cited in thread X") by registering a
 * bean of this type. The page asks every bean in ascending {@link #order()}.
 */
public interface LibraryBacklinks {

    /**
     * One thing that links to the document.
     *
     * @param labelKey the message key of what it is ("Dokument", "Wątek dyskusji"), shown before the title
     * @param title its title, as written (in Polish)
     * @param href its page
     */
    record Backlink(String labelKey, String title, String href) {}

    /** Position among the contributors; lower comes first. */
    int order();

    /**
     * What links to the document and the visitor may open (their search audience tokens,
     * {@code shared.search.SearchAudience.of}); nothing they may not open, not even a title.
     */
    List<Backlink> backlinks(long documentId, Set<String> audience);
}
