package pl.koordes.knowledge.internal.library;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * What an editor or a coordinator writes of a library document. The file is sent beside it (the form's
 * {@code plik} part) and checked by {@link LibraryManagement}; so is whether the ids (region, institution, event,
 * case, postulate, programme, related documents) name something that exists.
 *
 * @param tags comma-separated, each at most 40 characters, at most 12
 * @param regionId null: national
 * @param externalUrl an http(s) address, when the document is (also) a link
 * @param related the numbers of other documents it links to, comma-separated
 * @param publicDocument "true" for anyone, "false" for the chosen readers
 * @param removeFile on editing: drop the stored file
 * @param version the row version the edit form was read at; null for a new one
 */
public record LibraryDocumentForm(
        @NotNull(message = "knowledge.library.kind.required") @Nullable
        DocumentKind kind,

        @NotBlank(message = "knowledge.library.title.required") @Text(max = 300) @Nullable
        String title,

        @Text(max = 20000, multiline = true) @Nullable String description,

        @Text(max = 600) @Nullable String tags,

        @Nullable Long regionId,

        @NotNull(message = "knowledge.library.year.required")
        @Min(value = 1990, message = "knowledge.library.year.range")
        @Max(value = 2100, message = "knowledge.library.year.range")
        @Nullable
        Integer year,

        @Nullable Long institutionId,

        @Text(max = 2000) @Nullable String externalUrl,

        @Nullable Long eventId,

        @Nullable Long advisoryCaseId,

        @Nullable Long postulateId,

        @Nullable Long programmeRegionId,

        @Nullable List<Long> related,

        @Nullable Boolean publicDocument,

        @Nullable List<Role> readerRoles,

        @Nullable List<Long> readerRegions,

        @Nullable Boolean removeFile,

        @Nullable Integer version)
        implements CrossFieldRules {

    static final int MAX_TAGS = 12;
    static final int MAX_TAG = 40;
    static final int MAX_RELATED = 20;

    public static LibraryDocumentForm empty(@Nullable Long regionId, int year) {
        return new LibraryDocumentForm(
                null, "", "", "", regionId, year, null, "", null, null, null, null, List.of(), true, List.of(),
                List.of(), false, null);
    }

    public static LibraryDocumentForm of(LibraryDocument document, List<Long> related) {
        return new LibraryDocumentForm(
                document.kind(),
                document.title(),
                document.description(),
                String.join(", ", document.tags()),
                document.regionId(),
                document.year(),
                document.institutionId(),
                document.externalUrl() == null ? "" : document.externalUrl(),
                document.eventId(),
                document.advisoryCaseId(),
                document.postulateId(),
                document.programmeRegionId(),
                related,
                document.publicDocument(),
                List.copyOf(document.readerRoles()),
                List.copyOf(document.readerRegions()),
                false,
                document.rowVersion());
    }

    @Override
    public void checkTogether(Errors errors) {
        List<String> tags = tagList();
        if (tags.size() > MAX_TAGS) {
            errors.rejectValue("tags", "knowledge.library.tags.tooMany");
        } else if (tags.stream().anyMatch(t -> t.codePointCount(0, t.length()) > MAX_TAG)) {
            errors.rejectValue("tags", "knowledge.library.tags.tooLong");
        }
        if (!urlText().isEmpty() && !validUrl(urlText())) {
            errors.rejectValue("externalUrl", "knowledge.library.url.invalid");
        }
        if (relatedIds().size() > MAX_RELATED) {
            errors.rejectValue("related", "knowledge.library.related.tooMany");
        }
        if (publicDocument == null) {
            errors.rejectValue("publicDocument", "knowledge.library.visibility.required");
        }
    }

    static boolean validUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The tags, trimmed, each once (as first written), without empty ones. */
    public List<String> tagList() {
        if (tags == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> list = new ArrayList<>();
        for (String tag : tags.split(",")) {
            String clean = tag.strip().replaceAll("\\s+", " ");
            if (!clean.isEmpty() && seen.add(clean.toLowerCase(Locale.ROOT))) {
                list.add(clean);
            }
        }
        return list;
    }

    public String titleText() {
        return title == null ? "" : title;
    }

    public String descriptionText() {
        return description == null ? "" : description;
    }

    public String tagsText() {
        return tags == null ? "" : tags;
    }

    public String urlText() {
        return externalUrl == null ? "" : externalUrl;
    }

    /** The related documents' numbers, each once. */
    public List<Long> relatedIds() {
        return related == null
                ? List.of()
                : related.stream().filter(Objects::nonNull).distinct().toList();
    }

    public String relatedText() {
        return String.join(", ", relatedIds().stream().map(String::valueOf).toList());
    }

    public boolean publicChosen() {
        return !Boolean.FALSE.equals(publicDocument);
    }

    public List<Role> roleList() {
        return readerRoles == null
                ? List.of()
                : readerRoles.stream().filter(Objects::nonNull).distinct().toList();
    }

    public List<Long> regionList() {
        return readerRegions == null
                ? List.of()
                : readerRegions.stream().filter(Objects::nonNull).distinct().toList();
    }

    public boolean removeFileChosen() {
        return Boolean.TRUE.equals(removeFile);
    }

    /** A value for a form field, never null. */
    public static String value(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
