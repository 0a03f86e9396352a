package pl.koordes.knowledge.internal.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchSource;
import pl.koordes.shared.text.Markdown;

/**
 * The library's share of the search index: one entry per document (source {@code library}, kind
 * {@code library}), its audience exactly the document's ({@link LibraryAudience}), its body the description as
 * plain text with the kind, the tags, the author institution and the file's name. The write paths call
 * {@link #refresh} in their transaction.
 */
@Component
public class LibrarySearch implements SearchSource {

    public static final String SOURCE = "library";
    public static final String KIND = "library";

    private static final Locale POLISH = Locale.forLanguageTag("pl");

    private final LibraryStore store;
    private final SearchIndex index;
    private final Markdown markdown;
    private final Messages messages;

    LibrarySearch(LibraryStore store, SearchIndex index, Markdown markdown, Messages messages) {
        this.store = store;
        this.index = index;
        this.markdown = markdown;
        this.messages = messages;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public void entries(Consumer<SearchEntry> sink) {
        store.each(listed -> sink.accept(entry(listed.document(), listed.institutionName())));
    }

    /** Puts the document's entry, or removes it when the document is gone. */
    public void refresh(long id) {
        Optional<LibraryStore.Listed> listed = store.find(id);
        if (listed.isEmpty()) {
            index.remove(SOURCE, Long.toString(id));
            return;
        }
        index.put(entry(listed.get().document(), listed.get().institutionName()));
    }

    private SearchEntry entry(LibraryDocument document, @Nullable String institution) {
        List<String> parts = new ArrayList<>();
        parts.add(messages.get(POLISH, document.kind().labelKey()));
        parts.add(markdown.toPlainText(document.description()));
        parts.add(String.join(", ", document.tags()));
        if (institution != null) {
            parts.add(institution);
        }
        if (document.fileName() != null) {
            parts.add(document.fileName());
        }
        return new SearchEntry(
                SOURCE,
                Long.toString(document.id()),
                KIND,
                document.regionId(),
                document.year(),
                document.title(),
                String.join("\n", parts),
                document.path(),
                document.audience());
    }
}
