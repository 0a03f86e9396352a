package pl.koordes.postulates.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.PostulateStatus;

/**
 * A postulate as its page and its forms read it.
 *
 * @param areaCodes the KPRES areas it is tagged with, in the programme's order
 * @param rowVersion the version a form carries for optimistic locking
 */
public record Postulate(
        long id,
        long regionId,
        long addresseeId,
        String title,
        String problem,
        String proposal,
        String justification,
        PostulateStatus status,
        int rowVersion,
        @Nullable Long createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant submittedAt,
        @Nullable Instant signingClosesAt,
        @Nullable Instant forwardedAt,
        @Nullable LocalDate answerDue,
        @Nullable Instant firstAnsweredAt,
        @Nullable Instant lastAnsweredAt,
        @Nullable Instant withdrawnAt,
        @Nullable String withdrawalReason,
        @Nullable Long mergedIntoId,
        List<String> areaCodes) {

    public String href() {
        return path(id);
    }

    public static String path(long id) {
        return "/postulaty/" + id;
    }

    public PostulateReference reference() {
        return new PostulateReference(id, title, href(), regionId, addresseeId, status, submittedAt);
    }

    /** Days past the answer deadline on this day (Europe/Warsaw), or 0 when not waiting or not late. */
    public long daysOverdue(LocalDate today) {
        if (!status.awaitsAnswer() || answerDue == null || !today.isAfter(answerDue)) {
            return 0;
        }
        return today.toEpochDay() - answerDue.toEpochDay();
    }

    /** The audit log's picture of the postulate: what a reader of the log needs to tell two apart. */
    public Map<String, @Nullable Object> auditValues() {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("status", status.name());
        values.put("addressee", addresseeId);
        values.put("areas", String.join(", ", areaCodes));
        values.put("answerDue", answerDue == null ? null : answerDue.toString());
        return values;
    }
}
