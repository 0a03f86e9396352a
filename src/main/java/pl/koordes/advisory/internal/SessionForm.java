package pl.koordes.advisory.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.advisory.AdvisoryMode;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * What an expert records of a session. The hours are typed as people write them ("2,5" or "2.5") and read
 * here to the quarter hour; the date (not in the future), the institutions (of the case's region) and the event
 * (of the case's region) are checked by {@link SessionManagement} against today and the database.
 *
 * @param institutionIds the directory's institutions that took part
 * @param eventId the event the group session was held as, if any
 * @param tasks follow-up tasks added with a new session; blank rows are left out
 * @param version the row version the edit form was read at; null for a new session
 */
public record SessionForm(
        @NotNull(message = "advisory.sessions.heldOn.required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate heldOn,

        @NotBlank(message = "advisory.sessions.hours.required") @Text(max = 10) @Nullable
        String hours,

        @NotNull(message = "advisory.sessions.mode.required") @Nullable
        AdvisoryMode sessionMode,

        @Text(max = 2000, multiline = true) @Nullable String participants,

        @Nullable List<Long> institutionIds,

        @NotBlank(message = "advisory.sessions.summary.required") @Text(max = 8000, multiline = true) @Nullable
        String summary,

        @Text(max = 8000, multiline = true) @Nullable String recommendations,

        @Nullable Long eventId,

        @Nullable List<@Valid TaskRow> tasks,

        @Nullable Integer version)
        implements CrossFieldRules {

    private static final Pattern HOURS = Pattern.compile("\\d{1,2}([.,]\\d{1,2})?");
    private static final BigDecimal QUARTERS = BigDecimal.valueOf(4);
    private static final BigDecimal MAX = BigDecimal.valueOf(24);

    /** A follow-up task typed with a new session: an owner chosen from the list or typed, and a due date. */
    public record TaskRow(
            @Text(max = 2000, multiline = true) @Nullable String description,
            @Nullable Long ownerId,
            @Text(max = 200) @Nullable String ownerName,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
            LocalDate dueOn) {

        public static TaskRow blank() {
            return new TaskRow("", null, "", null);
        }

        boolean isBlank() {
            return text(description).isEmpty()
                    && ownerId == null
                    && text(ownerName).isEmpty()
                    && dueOn == null;
        }

        TaskForm asTaskForm() {
            return new TaskForm(description, ownerId, ownerName, dueOn);
        }
    }

    public static SessionForm empty(LocalDate today) {
        return new SessionForm(today, "", null, "", List.of(), "", "", null, List.of(TaskRow.blank()), null);
    }

    public static SessionForm of(SessionRecords.Session session) {
        return new SessionForm(
                session.heldOn(),
                hoursText(session.hours()),
                session.mode(),
                session.participants(),
                session.institutionIds(),
                session.summary(),
                session.recommendations(),
                session.eventId(),
                List.of(),
                session.rowVersion());
    }

    /** The form with one more blank task row (the "add a task" button). */
    public SessionForm withAnotherTask() {
        List<TaskRow> rows = new ArrayList<>(taskRows());
        rows.add(TaskRow.blank());
        return new SessionForm(
                heldOn,
                hours,
                sessionMode,
                participants,
                institutionIds,
                summary,
                recommendations,
                eventId,
                rows,
                version);
    }

    /** The hours as typed, read to the quarter hour; empty when they are not a number of quarters from ¼ to 24. */
    public Optional<BigDecimal> parsedHours() {
        String typed = text(hours).replace(" ", "");
        if (!HOURS.matcher(typed).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(typed.replace(',', '.'));
        if (value.signum() <= 0 || value.compareTo(MAX) > 0) {
            return Optional.empty();
        }
        BigDecimal quarters = value.multiply(QUARTERS);
        if (quarters.stripTrailingZeros().scale() > 0) {
            return Optional.empty();
        }
        return Optional.of(value.setScale(2));
    }

    /** "2,5" for 2.50: how the form shows stored hours again. */
    public static String hoursText(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    @Override
    public void checkTogether(Errors errors) {
        if (!text(hours).isEmpty() && parsedHours().isEmpty()) {
            errors.rejectValue("hours", "advisory.sessions.hours.invalid");
        }
        List<TaskRow> rows = taskRows();
        for (int i = 0; i < rows.size(); i++) {
            TaskRow row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            String prefix = "tasks[" + i + "].";
            if (text(row.description()).isEmpty()) {
                errors.rejectValue(prefix + "description", "advisory.sessions.task.description.required");
            }
            if (row.ownerId() == null && text(row.ownerName()).isEmpty()) {
                errors.rejectValue(prefix + "ownerName", "advisory.sessions.task.owner.required");
            }
            if (row.dueOn() == null) {
                errors.rejectValue(prefix + "dueOn", "advisory.sessions.task.dueOn.required");
            }
        }
    }

    public List<Long> institutionIdList() {
        return institutionIds == null
                ? List.of()
                : institutionIds.stream().filter(Objects::nonNull).distinct().toList();
    }

    public List<TaskRow> taskRows() {
        return tasks == null
                ? List.of()
                : tasks.stream().map(r -> r == null ? TaskRow.blank() : r).toList();
    }

    /** The rows that say something. */
    List<TaskRow> filledTasks() {
        return taskRows().stream().filter(r -> !r.isBlank()).toList();
    }

    public String participantsText() {
        return text(participants);
    }

    public String summaryText() {
        return text(summary);
    }

    public String recommendationsText() {
        return text(recommendations);
    }

    public String hoursValue() {
        return text(hours);
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** A value for a form field, never null. */
    public static String value(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
