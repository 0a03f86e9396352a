package pl.koordes.advisory.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.advisory.AdvisoryKind;
import pl.koordes.advisory.AdvisoryMode;
import pl.koordes.advisory.AdvisoryStatus;

/**
 * An advisory case as its page and forms read it.
 *
 * @param needId the surveys' need it answers, if it came from one
 * @param hoursLimit the hours the operator allows, null until accepted
 * @param rowVersion the version a form carries for optimistic locking
 */
public record AdvisoryRequest(
        long id,
        long regionId,
        long topicId,
        String title,
        String description,
        AdvisoryKind kind,
        AdvisoryMode mode,
        String preferredDates,
        String peopleConcerned,
        @Nullable Long needId,
        AdvisoryStatus status,
        @Nullable String declineReason,
        @Nullable LocalDate scheduledOn,
        @Nullable BigDecimal hoursLimit,
        @Nullable String finalRecommendation,
        @Nullable Integer rating,
        @Nullable String ratingComment,
        int rowVersion,
        @Nullable Long requestedBy,
        Instant requestedAt,
        @Nullable Instant decidedAt,
        @Nullable Instant completedAt,
        Instant updatedAt) {

    public String href() {
        return path(id);
    }

    /** The case's address. */
    public static String path(long id) {
        return "/doradztwo/" + id;
    }

    /** The audit log's picture of the case: what a reader of the log needs to tell two apart. */
    public Map<String, @Nullable Object> auditValues() {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("status", status.name());
        values.put("topic", topicId);
        values.put("kind", kind.name());
        values.put("mode", mode.name());
        values.put("hoursLimit", hoursLimit == null ? null : hoursLimit.toPlainString());
        values.put("scheduledOn", scheduledOn == null ? null : scheduledOn.toString());
        values.put("rating", rating);
        return values;
    }
}
