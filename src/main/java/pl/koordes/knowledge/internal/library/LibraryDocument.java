package pl.koordes.knowledge.internal.library;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.security.Role;

/**
 * A document or link of the library as stored.
 *
 * @param regionId null: national
 * @param storedFileId its file in the shared storage, if it has one
 * @param fileName the stored file's name, when there is one
 * @param programmeRegionId the region whose programme it came from, if any
 * @param readerRoles for an internal one: the roles chosen to read it (empty: none chosen)
 * @param readerRegions for an internal one: the regions chosen to read it (empty: none chosen)
 * @param audience who may open it, as search audience tokens ({@link LibraryAudience})
 * @param createdBy the account that added it; null once its data was erased
 */
public record LibraryDocument(
        long id,
        DocumentKind kind,
        String title,
        String description,
        List<String> tags,
        @Nullable Long regionId,
        int year,
        @Nullable Long institutionId,
        @Nullable String externalUrl,
        @Nullable Long storedFileId,
        @Nullable String fileName,
        @Nullable String fileType,
        long fileSize,
        @Nullable Long eventId,
        @Nullable Long advisoryCaseId,
        @Nullable Long postulateId,
        @Nullable Long programmeRegionId,
        boolean publicDocument,
        Set<Role> readerRoles,
        Set<Long> readerRegions,
        Set<String> audience,
        @Nullable Long createdBy,
        Instant createdAt,
        Instant updatedAt,
        int rowVersion) {

    public static final String BASE = "/biblioteka";

    public String path() {
        return BASE + "/" + id;
    }

    /** The address of its file. */
    public String filePath() {
        return path() + "/plik";
    }

    public boolean hasFile() {
        return storedFileId != null;
    }

    /** The snapshot an audit line keeps: no description or link (a fingerprint shows that they changed). */
    public Map<String, @Nullable Object> auditValues() {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("kind", kind.name());
        values.put("regionId", regionId);
        values.put("documentYear", year);
        values.put("institutionId", institutionId);
        values.put("tags", String.join(", ", tags));
        values.put("description", Integer.toHexString(description.hashCode()));
        values.put("url", externalUrl == null ? null : Integer.toHexString(externalUrl.hashCode()));
        values.put("fileName", fileName);
        values.put("eventId", eventId);
        values.put("advisoryCaseId", advisoryCaseId);
        values.put("postulateId", postulateId);
        values.put("programmeRegionId", programmeRegionId);
        values.put("publicDocument", publicDocument);
        values.put(
                "readerRoles",
                readerRoles.stream().map(Enum::name).sorted().toList().toString());
        values.put("readerRegions", readerRegions.stream().sorted().toList().toString());
        return values;
    }
}
