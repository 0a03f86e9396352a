package pl.koordes.knowledge.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.knowledge.LibraryBacklinks;
import pl.koordes.knowledge.internal.library.DocumentKind;
import pl.koordes.knowledge.internal.library.LibraryAudience;
import pl.koordes.knowledge.internal.library.LibraryDocument;
import pl.koordes.knowledge.internal.library.LibraryFilter;
import pl.koordes.knowledge.internal.library.LibraryOrigins;
import pl.koordes.knowledge.internal.library.LibraryPermissions;
import pl.koordes.knowledge.internal.library.LibraryStore;
import pl.koordes.shared.files.StoredFiles;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.text.Markdown;
import pl.koordes.shared.web.Paged;
import pl.koordes.shared.web.PublicPage;

/**
 * The library for everyone: the list (/biblioteka) with filters and paging, each document's page and its file.
 * Everything shows only what the visitor may open ({@link LibraryAudience}): an internal document, its file or
 * its number changed in the address is not there for anyone else (404), never a title or a byte.
 */
@Controller
class LibraryController {

    /** The region filter's value for national documents. */
    static final String NATIONAL = "krajowe";

    private static final int LONGEST_QUERY = 200;

    private final LibraryStore store;
    private final LibraryPermissions permissions;
    private final LibraryOrigins origins;
    private final List<LibraryBacklinks> backlinks;
    private final Directory directory;
    private final Markdown markdown;
    private final StoredFiles files;

    LibraryController(
            LibraryStore store,
            LibraryPermissions permissions,
            LibraryOrigins origins,
            List<LibraryBacklinks> backlinks,
            Directory directory,
            Markdown markdown,
            StoredFiles files) {
        this.store = store;
        this.permissions = permissions;
        this.origins = origins;
        this.backlinks = backlinks.stream()
                .sorted(Comparator.comparingInt(LibraryBacklinks::order))
                .toList();
        this.directory = directory;
        this.markdown = markdown;
        this.files = files;
    }

    // Anonymous visitors all get the same page: plain cacheable HTTP (shared.web.PublicAnswers).
    @PublicPage
    @GetMapping(LibraryDocument.BASE)
    String list(
            @RequestParam(name = "rodzaj", required = false) @Nullable String kind,
            @RequestParam(name = "region", required = false) @Nullable String region,
            @RequestParam(name = "rok", required = false) @Nullable String year,
            @RequestParam(name = "tag", required = false) @Nullable String tag,
            @RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(name = "strona", required = false) @Nullable String strona,
            Optional<CurrentUser> user,
            Model model) {
        Set<String> audience = SearchAudience.of(user.orElse(null));
        Optional<Region> chosenRegion =
                region == null || region.equals(NATIONAL) ? Optional.empty() : directory.region(region);
        LibraryFilter filter = new LibraryFilter(
                kind(kind),
                chosenRegion.map(Region::id).orElse(null),
                NATIONAL.equals(region),
                year(year),
                shortened(tag),
                shortened(query));
        Paged<LibraryStore.Listed> documents = store.page(filter, audience, Paged.number(strona));
        model.addAttribute("documents", documents);
        model.addAttribute("filter", filter);
        model.addAttribute("regionSlug", chosenRegion.map(Region::slug).orElse(filter.national() ? NATIONAL : null));
        model.addAttribute("regions", directory.regions());
        model.addAttribute("regionsById", directory.regionsById());
        model.addAttribute("years", store.years(audience));
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("canAdd", permissions.canAdd(user.orElse(null)));
        return "knowledge/library/list";
    }

    // Anonymous visitors all get the same page: plain cacheable HTTP (shared.web.PublicAnswers).
    @PublicPage
    @GetMapping(LibraryDocument.BASE + "/{id}")
    String show(@PathVariable long id, Optional<CurrentUser> user, Locale locale, Model model) {
        LibraryStore.Listed listed = readable(id, user.orElse(null));
        LibraryDocument document = listed.document();
        Set<String> audience = SearchAudience.of(user.orElse(null));
        List<LibraryBacklinks.Backlink> linking = new ArrayList<>();
        backlinks.forEach(b -> linking.addAll(b.backlinks(id, audience)));
        model.addAttribute("document", document);
        model.addAttribute("institutionName", listed.institutionName());
        model.addAttribute("regionsById", directory.regionsById());
        model.addAttribute("description", markdown.toHtml(document.description()));
        model.addAttribute("origins", origins.of(document, "en".equals(locale.getLanguage())));
        model.addAttribute("links", store.linkedFrom(id, audience));
        model.addAttribute("backlinks", linking);
        model.addAttribute("canManage", permissions.canManage(user.orElse(null), document));
        return "knowledge/library/document";
    }

    /**
     * The document's file, to whoever may open the page: attachment with its exact name, nosniff, cached by
     * shared caches only for a public document. Anyone else gets 404, as for the page.
     */
    @GetMapping(LibraryDocument.BASE + "/{id}/plik")
    void download(@PathVariable long id, Optional<CurrentUser> user, HttpServletResponse response) throws IOException {
        LibraryDocument document = readable(id, user.orElse(null)).document();
        Long stored = document.storedFileId();
        if (stored == null || document.fileName() == null || document.fileType() == null) {
            throw new NotFound("library file", id);
        }
        files.send(
                response,
                stored,
                document.fileName(),
                document.fileType(),
                document.fileSize(),
                document.publicDocument());
    }

    private LibraryStore.Listed readable(long id, @Nullable CurrentUser user) {
        return store.find(id)
                .filter(l -> LibraryAudience.mayOpen(user, l.document()))
                .orElseThrow(() -> new NotFound("library document", id));
    }

    private static @Nullable DocumentKind kind(@Nullable String value) {
        if (value == null) {
            return null;
        }
        for (DocumentKind kind : DocumentKind.values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        return null;
    }

    private static @Nullable Integer year(@Nullable String value) {
        if (value == null || !value.matches("\\d{4}")) {
            return null;
        }
        return Integer.valueOf(value);
    }

    /** A filter's text, trimmed and at most 200 characters; null when empty. */
    private static @Nullable String shortened(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        return text.codePointCount(0, text.length()) > LONGEST_QUERY
                ? text.substring(0, text.offsetByCodePoints(0, LONGEST_QUERY))
                : text;
    }
}
