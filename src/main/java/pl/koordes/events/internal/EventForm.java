package pl.koordes.events.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.events.EventLevel;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * The organisers' event form, bound by Spring from the request (dates {@code yyyy-MM-dd} and times
 * {@code HH:mm} as the browser's date and time fields send them, in Europe/Warsaw). What one field must
 * be is said by its annotations; what fields must be together by {@link #checkTogether}; what needs the
 * database (the region exists, no fewer seats than people registered) by {@link EventManagement}.
 *
 * <p>The agenda, the speakers and the linked materials are repeated rows ({@code agenda[0].title});
 * a row left entirely empty is ignored when saved, so the form can always offer a blank one.
 *
 * @param endDate the last day; empty means the day it starts
 * @param regionQuota at most this many people from one region; empty for no limit
 * @param titleEn the English title, optional (the English interface shows the Polish one without it)
 * @param descriptionEn the English description, optional in the same way
 */
public record EventForm(
        @NotNull(message = "form.invalid") @Nullable EventType type,
        @NotNull(message = "form.invalid") @Nullable EventLevel level,
        @Nullable Long regionId,
        @Nullable Long macroregionId,
        @NotNull(message = "form.invalid") @Nullable EventFormat format,

        @NotBlank(message = "events.form.required") @Text(max = 300) @Nullable
        String title,

        @Text(max = 20_000, multiline = true) @Nullable String description,
        @Text(max = 300) @Nullable String venue,
        @Text(max = 300) @Nullable String address,

        @Text(max = 500) @Pattern(regexp = LINK, message = "events.form.link.invalid") @Nullable
        String onlineLink,

        @NotNull(message = "events.form.date.required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate startDate,

        @NotNull(message = "events.form.time.required") @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable
        LocalTime startTime,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate endDate,

        @NotNull(message = "events.form.time.required") @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable
        LocalTime endTime,

        @Min(value = 0, message = "events.form.number.invalid")
        @Max(value = MAX_SEATS, message = "events.form.number.invalid")
        @Nullable
        Integer seatsOnSite,

        @Min(value = 0, message = "events.form.number.invalid")
        @Max(value = MAX_SEATS, message = "events.form.number.invalid")
        @Nullable
        Integer seatsOnline,

        @Min(value = 1, message = "events.form.number.invalid")
        @Max(value = MAX_SEATS, message = "events.form.number.invalid")
        @Nullable
        Integer regionQuota,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate opensDate,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate closesDate,

        @NotNull(message = "form.invalid") @Nullable Audience audience,
        @Nullable List<Role> audienceRoles,
        @Nullable List<@Valid AgendaRow> agenda,
        @Nullable List<@Valid SpeakerRow> speakers,
        @Nullable List<@Valid MaterialRow> materials,
        @Text(max = 300) @Nullable String titleEn,
        @Text(max = 20_000, multiline = true) @Nullable String descriptionEn)
        implements CrossFieldRules {

    /** An address people can follow: https, http or a path of this site, without spaces, quotes or angle brackets. */
    static final String LINK = "(https?://|/(?!/))[^\\x00-\\x20\"<>\\\\]*";

    static final int MAX_SEATS = 100_000;

    /** One point of the agenda: when (free text such as {@code 10:00–10:30}), what, and who leads it. */
    public record AgendaRow(
            @Text(max = 40) @Nullable String time,
            @Text(max = 300) @Nullable String title,
            @Text(max = 300) @Nullable String speakers) {

        public static AgendaRow blank() {
            return new AgendaRow("", "", "");
        }

        public boolean empty() {
            return isBlank(time) && isBlank(title) && isBlank(speakers);
        }
    }

    /** A speaker and the institution they come from. */
    public record SpeakerRow(
            @Text(max = 200) @Nullable String name,
            @Text(max = 300) @Nullable String affiliation) {

        public static SpeakerRow blank() {
            return new SpeakerRow("", "");
        }

        public boolean empty() {
            return isBlank(name) && isBlank(affiliation);
        }
    }

    /** Who may open a linked material. */
    public enum Visibility {
        PUBLIC,
        PARTICIPANTS
    }

    /** A material given as a link: its title, its address and who may see it. */
    public record MaterialRow(
            @Text(max = 300) @Nullable String title,

            @Text(max = 500) @Pattern(regexp = LINK, message = "events.form.link.invalid") @Nullable
            String address,

            @Nullable Visibility visibility) {

        public static MaterialRow blank() {
            return new MaterialRow("", "", Visibility.PUBLIC);
        }

        public boolean empty() {
            return isBlank(title) && isBlank(address);
        }
    }

    public EventForm {
        // The browser sends nothing for an unticked group or a form without rows: both mean none.
        audienceRoles = audienceRoles == null
                ? List.of()
                : audienceRoles.stream().filter(Objects::nonNull).toList();
        agenda = agenda == null
                ? List.of()
                : agenda.stream().map(r -> r == null ? AgendaRow.blank() : r).toList();
        speakers = speakers == null
                ? List.of()
                : speakers.stream().map(r -> r == null ? SpeakerRow.blank() : r).toList();
        materials = materials == null
                ? List.of()
                : materials.stream()
                        .map(r -> r == null ? MaterialRow.blank() : r)
                        .toList();
    }

    /** A new event's form: one blank row of each kind, so that the first one needs no "add" press. */
    public static EventForm empty(@Nullable Long regionId) {
        return new EventForm(
                EventType.MEETING,
                EventLevel.REGIONAL,
                regionId,
                null,
                EventFormat.IN_PERSON,
                "",
                "",
                "",
                "",
                "",
                null,
                LocalTime.of(10, 0),
                null,
                LocalTime.of(14, 0),
                30,
                0,
                null,
                null,
                null,
                Audience.ANYONE,
                List.of(),
                List.of(AgendaRow.blank()),
                List.of(SpeakerRow.blank()),
                List.of(MaterialRow.blank()),
                "",
                "");
    }

    @Override
    public void checkTogether(Errors errors) {
        EventFormRules.check(this, errors);
    }

    @Override
    public List<Role> audienceRoles() {
        return Objects.requireNonNull(audienceRoles);
    }

    @Override
    public List<AgendaRow> agenda() {
        return Objects.requireNonNull(agenda);
    }

    @Override
    public List<SpeakerRow> speakers() {
        return Objects.requireNonNull(speakers);
    }

    @Override
    public List<MaterialRow> materials() {
        return Objects.requireNonNull(materials);
    }

    /** The form with one more blank agenda item, speaker or material, for the "add" buttons. */
    public EventForm withRow(Rows rows) {
        return switch (rows) {
            case AGENDA -> withRows(append(agenda(), AgendaRow.blank()), speakers(), materials());
            case SPEAKERS -> withRows(agenda(), append(speakers(), SpeakerRow.blank()), materials());
            case MATERIALS -> withRows(agenda(), speakers(), append(materials(), MaterialRow.blank()));
        };
    }

    /** The form without the row at {@code index} (an index past the end changes nothing). */
    public EventForm withoutRow(Rows rows, int index) {
        return switch (rows) {
            case AGENDA -> withRows(remove(agenda(), index), speakers(), materials());
            case SPEAKERS -> withRows(agenda(), remove(speakers(), index), materials());
            case MATERIALS -> withRows(agenda(), speakers(), remove(materials(), index));
        };
    }

    /** The kinds of repeated rows. */
    public enum Rows {
        AGENDA,
        SPEAKERS,
        MATERIALS
    }

    /** The form with another start and end time on the day it starts, as a test or a copy would set them. */
    public EventForm withTimes(LocalTime start, LocalTime end) {
        return copy(start, null, end, agenda, speakers, materials);
    }

    private EventForm withRows(List<AgendaRow> a, List<SpeakerRow> s, List<MaterialRow> m) {
        return copy(startTime, endDate, endTime, a, s, m);
    }

    /** The form with these times and rows and every other field as it is: the one copy the "with" methods make. */
    private EventForm copy(
            @Nullable LocalTime start,
            @Nullable LocalDate lastDay,
            @Nullable LocalTime end,
            @Nullable List<AgendaRow> a,
            @Nullable List<SpeakerRow> s,
            @Nullable List<MaterialRow> m) {
        return new EventForm(
                type,
                level,
                regionId,
                macroregionId,
                format,
                title,
                description,
                venue,
                address,
                onlineLink,
                startDate,
                start,
                lastDay,
                end,
                seatsOnSite,
                seatsOnline,
                regionQuota,
                opensDate,
                closesDate,
                audience,
                audienceRoles,
                a,
                s,
                m,
                titleEn,
                descriptionEn);
    }

    /** At most this many rows of one kind: the add button stops there rather than grow a form without end. */
    static final int MAX_ROWS = 100;

    private static <T> List<T> append(List<T> rows, T row) {
        if (rows.size() >= MAX_ROWS) {
            return rows;
        }
        List<T> more = new ArrayList<>(rows);
        more.add(row);
        return more;
    }

    private static <T> List<T> remove(List<T> rows, int index) {
        if (index < 0 || index >= rows.size()) {
            return rows;
        }
        List<T> fewer = new ArrayList<>(rows);
        fewer.remove(index);
        return fewer;
    }

    static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** A value for a form field, never null. */
    public static String value(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    /** The form of an existing event, as its organiser sees it to change it (with a blank row where there is none). */
    public static EventForm of(Event e) {
        ZonedDateTime start = e.start();
        ZonedDateTime end = e.end();
        List<AgendaRow> agenda = e.agendaItems().stream()
                .map(i -> new AgendaRow(i.time(), i.title(), i.speakers()))
                .toList();
        List<SpeakerRow> speakers = e.speakerList().stream()
                .map(s -> new SpeakerRow(s.name(), s.affiliation()))
                .toList();
        List<MaterialRow> materials = e.materials().stream()
                .map(m -> new MaterialRow(
                        m.title(), m.url(), m.participantsOnly() ? Visibility.PARTICIPANTS : Visibility.PUBLIC))
                .toList();
        return new EventForm(
                e.type(),
                e.level(),
                e.regionId(),
                e.macroregionId(),
                e.format(),
                e.title(),
                e.description(),
                Objects.toString(e.venue(), ""),
                Objects.toString(e.address(), ""),
                Objects.toString(e.onlineLink(), ""),
                start.toLocalDate(),
                start.toLocalTime(),
                end.toLocalDate(),
                end.toLocalTime(),
                e.seatsOnSite(),
                e.seatsOnline(),
                e.regionQuota(),
                e.registrationOpensAt() == null
                        ? null
                        : e.registrationOpensAt().atZone(Formats.ZONE).toLocalDate(),
                e.registrationClosesAt() == null
                        ? null
                        : e.registrationClosesAt().atZone(Formats.ZONE).toLocalDate(),
                e.audience(),
                List.copyOf(e.audienceRoles()),
                agenda.isEmpty() ? List.of(AgendaRow.blank()) : agenda,
                speakers.isEmpty() ? List.of(SpeakerRow.blank()) : speakers,
                materials.isEmpty() ? List.of(MaterialRow.blank()) : materials,
                e.titleEn(),
                e.descriptionEn());
    }
}
