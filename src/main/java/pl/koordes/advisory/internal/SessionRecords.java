package pl.koordes.advisory.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.advisory.AdvisoryMode;
import pl.koordes.advisory.HoursConsent;

/** The read models of the sessions part: a session, a follow-up task, a choice offered by a form. */
public final class SessionRecords {

    private SessionRecords() {}

    /**
     * A session of a case as its page and edit form show it.
     *
     * @param accountId the expert who recorded it, null once erased
     * @param recordedBy that expert's display name, null when unknown or erased
     * @param consent null within the limit; otherwise the operator's answer to the hours beyond it
     * @param institutions the directory's institutions that took part
     */
    public record Session(
            long id,
            long requestId,
            @Nullable Long accountId,
            @Nullable String recordedBy,
            LocalDate heldOn,
            BigDecimal hours,
            AdvisoryMode mode,
            String participants,
            String summary,
            String recommendations,
            @Nullable Long eventId,
            @Nullable HoursConsent consent,
            int rowVersion,
            List<Institution> institutions) {

        public List<Long> institutionIds() {
            return institutions.stream().map(Institution::id).toList();
        }

        /** Whether its hours count in the case's figures: within the limit or granted. */
        public boolean counted() {
            return consent == null || consent == HoursConsent.GRANTED;
        }

        public String path() {
            return "/doradztwo/" + requestId + "/sesje/" + id;
        }

        /** The audit log's picture of the session: no texts, a fingerprint shows that they changed. */
        public Map<String, @Nullable Object> auditValues() {
            Map<String, @Nullable Object> values = new LinkedHashMap<>();
            values.put("session", id);
            values.put("heldOn", heldOn.toString());
            values.put("hours", hours.stripTrailingZeros().toPlainString());
            values.put("mode", mode.name());
            values.put("consent", consent == null ? null : consent.name());
            values.put("event", eventId);
            values.put("institutions", institutionIds().size());
            values.put("summary", fingerprint(summary));
            values.put("recommendations", fingerprint(recommendations));
            values.put("participants", fingerprint(participants));
            return values;
        }
    }

    /** An institution of the directory, for the participants' choice and the session's list. */
    public record Institution(long id, String name) {}

    /**
     * A follow-up task.
     *
     * @param ownerId the owner's account, or null for a typed owner (or one erased)
     * @param owner the owner's name: the account's display name or the typed name
     */
    public record Task(
            long id,
            long requestId,
            @Nullable Long sessionId,
            String description,
            @Nullable Long ownerId,
            String owner,
            LocalDate dueOn,
            @Nullable Instant doneAt,
            @Nullable LocalDate remindedOn) {

        public boolean overdue(LocalDate today) {
            return doneAt == null && dueOn.isBefore(today);
        }

        public Map<String, @Nullable Object> auditValues() {
            Map<String, @Nullable Object> values = new LinkedHashMap<>();
            values.put("task", id);
            values.put("dueOn", dueOn.toString());
            values.put("owner", ownerId);
            values.put("description", fingerprint(description));
            values.put("done", doneAt != null);
            return values;
        }
    }

    /** A person a task may be given to: the region's coordinators and committee members, the assigned experts. */
    public record Owner(long accountId, String name) {}

    static String fingerprint(String text) {
        return Integer.toHexString(text.hashCode());
    }
}
