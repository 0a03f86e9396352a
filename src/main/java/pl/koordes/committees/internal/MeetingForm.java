package pl.koordes.committees.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A meeting as the secretary prepares it: the day and the hours in Europe/Warsaw, a place and/or an online link,
 * the agenda, whether the public sees it. {@code version} is the row version the edit form was read at (null for
 * a new meeting): a save over a meeting changed since is refused as a conflict, the text kept.
 */
public record MeetingForm(
        @NotBlank(message = "committees.meetings.title.required") @Text(max = 300) @Nullable
        String title,

        @NotNull(message = "committees.meetings.date.required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate meetingDate,

        @NotNull(message = "committees.meetings.time.required") @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable
        LocalTime startTime,

        @NotNull(message = "committees.meetings.time.required") @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable
        LocalTime endTime,

        @Text(max = 300) @Nullable String meetingPlace,

        @Text(max = 1000) @Pattern(regexp = LINK, message = "committees.meetings.onlineUrl.invalid") @Nullable
        String onlineUrl,

        @Text(max = 8000, multiline = true) @Nullable String agenda,
        @Nullable Boolean publicMeeting,
        @Nullable Integer version)
        implements CrossFieldRules {

    /** A link people can follow: https or http, without spaces, quotes or angle brackets. */
    static final String LINK = "(https?://[^\\x00-\\x20\"<>\\\\]+)?";

    /** A new meeting's form: a fortnight ahead, 10:00–13:00. */
    public static MeetingForm empty(LocalDate today) {
        return new MeetingForm(
                "", today.plusWeeks(2), LocalTime.of(10, 0), LocalTime.of(13, 0), "", "", "", false, null);
    }

    /** The form of a stored meeting. */
    public static MeetingForm of(Meeting meeting) {
        var start = meeting.startsAt().atZone(Formats.ZONE);
        return new MeetingForm(
                meeting.title(),
                start.toLocalDate(),
                start.toLocalTime(),
                meeting.endsAt().atZone(Formats.ZONE).toLocalTime(),
                meeting.place(),
                meeting.onlineUrl(),
                meeting.agenda(),
                meeting.publicMeeting(),
                meeting.rowVersion());
    }

    @Override
    public void checkTogether(Errors errors) {
        if (startTime != null && endTime != null && !endTime.isAfter(startTime)) {
            errors.rejectValue("endTime", "committees.meetings.endTime.beforeStart");
        }
        if (blank(meetingPlace) && blank(onlineUrl)) {
            errors.rejectValue("meetingPlace", "committees.meetings.place.required");
        }
    }

    Instant startsAt() {
        return Objects.requireNonNull(meetingDate)
                .atTime(Objects.requireNonNull(startTime))
                .atZone(Formats.ZONE)
                .toInstant();
    }

    Instant endsAt() {
        return Objects.requireNonNull(meetingDate)
                .atTime(Objects.requireNonNull(endTime))
                .atZone(Formats.ZONE)
                .toInstant();
    }

    String titleText() {
        return Objects.requireNonNull(title).strip();
    }

    @Nullable
    String placeText() {
        return blank(meetingPlace) ? null : meetingPlace;
    }

    @Nullable
    String onlineUrlText() {
        return blank(onlineUrl) ? null : onlineUrl;
    }

    String agendaText() {
        return agenda == null ? "" : agenda;
    }

    boolean publicChosen() {
        return Boolean.TRUE.equals(publicMeeting);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
