package pl.koordes.knowledge.internal.library;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import pl.koordes.knowledge.LibraryBacklinks;

/** Other library documents that link to a document ("see also"), those the visitor may open. */
@Component
class DocumentBacklinks implements LibraryBacklinks {

    private final LibraryStore store;

    DocumentBacklinks(LibraryStore store) {
        this.store = store;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Backlink> backlinks(long documentId, Set<String> audience) {
        return store.linkingTo(documentId, audience).stream()
                .map(l -> new Backlink(
                        "knowledge.library.backlink.document",
                        l.document().title(),
                        l.document().path()))
                .toList();
    }
}
