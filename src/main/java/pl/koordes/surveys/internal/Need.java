package pl.koordes.surveys.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.surveys.NeedReference;
import pl.koordes.surveys.NeedStatus;

/**
 * A need as its page and form read it.
 *
 * @param surveyId the survey it was recognised in, or null
 * @param regionId the region, or null for a national need
 * @param answeredAt when it was answered: the day the operator gave, or the end of the last linked event
 * @param answeredMarked whether the operator marked it answered by hand (then links do not move its status)
 * @param rowVersion the version a form carries for optimistic locking
 */
public record Need(
        long id,
        @Nullable Long surveyId,
        String topic,
        @Nullable Long regionId,
        String description,
        NeedStatus status,
        int rowVersion,
        @Nullable Long createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant answeredAt,
        boolean answeredMarked) {

    public String href() {
        return NeedReference.path(id);
    }

    public NeedReference reference() {
        return new NeedReference(id, topic, regionId, status, href());
    }

    /** The audit log's picture: what a reader needs to tell two versions apart (the description as its length). */
    public Map<String, @Nullable Object> auditValues() {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("topic", topic);
        values.put("region", regionId);
        values.put("survey", surveyId);
        values.put("descriptionLength", description.codePointCount(0, description.length()));
        values.put("status", status.name());
        values.put("answeredAt", answeredAt == null ? null : answeredAt.toString());
        values.put("answeredMarked", answeredMarked);
        return values;
    }
}
