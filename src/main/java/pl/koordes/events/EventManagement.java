package pl.koordes.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.text.TextInput;

/**
 * Creating and changing events: the organisers' form checked field by field, permissions by
 * {@link EventPermissions}, and everyone registered told by e-mail when the time or place changes or the
 * event is cancelled.
 */
@Service
public class EventManagement {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final EventPermissions permissions;
    private final EventCatalogue catalogue;
    private final EventMail mail;

    EventManagement(JdbcClient jdbc, Directory directory, EventPermissions permissions, EventCatalogue catalogue,
            EventMail mail) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.permissions = permissions;
        this.catalogue = catalogue;
        this.mail = mail;
    }

    /** The result of a form: the event's id, or errors as field → message key. */
    public record Outcome(long id, Map<String, String> errors) {

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    /** The form's values once checked. */
    record Values(EventType type, EventLevel level, @Nullable Long regionId, @Nullable Long macroregionId,
            EventFormat format, String title, String description, @Nullable String venue, @Nullable String address,
            @Nullable String onlineLink, Instant startsAt, Instant endsAt, int seatsOnSite, int seatsOnline,
            @Nullable Integer regionQuota, @Nullable Instant opensAt, @Nullable Instant closesAt, Audience audience,
            Set<Role> roles, String agenda, String speakers, List<Material> materials) {
    }

    @Transactional
    public Outcome create(CurrentUser user, EventForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Values values = check(form, errors);
        if (values == null) {
            return new Outcome(0, errors);
        }
        if (!permissions.canManage(user, values.level(), values.regionId())) {
            throw new AccessDeniedException("Event outside the organiser's scope");
        }
        long id = jdbc.sql("""
                        insert into event (type, level, region_id, macroregion_id, format, title, description, venue, address,
                            online_link, starts_at, ends_at, seats_on_site, seats_online, region_quota, registration_opens_at,
                            registration_closes_at, audience, audience_roles, agenda, speakers)
                        values (:type, :level, :region, :macroregion, :format, :title, :description, :venue, :address,
                            :link, :starts, :ends, :onSite, :online, :quota, :opens, :closes, :audience, :roles, :agenda, :speakers)
                        returning id
                        """)
                .params(parameters(values)).query(Long.class).single();
        saveChildren(id, values);
        return new Outcome(id, Map.of());
    }

    /**
     * Saves the form over the event. When a published event's time or place changes, everyone registered
     * is told by e-mail; added seats go to the waiting list at once.
     */
    @Transactional
    public Outcome update(CurrentUser user, long id, EventForm form) {
        Event before = lockManageable(user, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Values values = check(form, errors);
        if (values == null) {
            return new Outcome(id, errors);
        }
        if (!permissions.canManage(user, values.level(), values.regionId())) {
            throw new AccessDeniedException("Event outside the organiser's scope");
        }
        jdbc.sql("""
                        update event set type = :type, level = :level, region_id = :region, macroregion_id = :macroregion,
                            format = :format, title = :title, description = :description, venue = :venue, address = :address,
                            online_link = :link, starts_at = :starts, ends_at = :ends, seats_on_site = :onSite,
                            seats_online = :online, region_quota = :quota, registration_opens_at = :opens,
                            registration_closes_at = :closes, audience = :audience, audience_roles = :roles, agenda = :agenda,
                            speakers = :speakers, updated_at = now(),
                            reminder_sent_at = case when starts_at = :starts then reminder_sent_at end
                        where id = :id
                        """)
                .params(parameters(values)).param("id", id).update();
        jdbc.sql("delete from event_region where event_id = :id").param("id", id).update();
        jdbc.sql("delete from event_material where event_id = :id").param("id", id).update();
        saveChildren(id, values);
        Event after = catalogue.find(id).orElseThrow();
        if (before.status() == EventStatus.PUBLISHED && (!before.startsAt().equals(after.startsAt())
                || !before.endsAt().equals(after.endsAt()) || !Objects.equals(before.venue(), after.venue())
                || !Objects.equals(before.address(), after.address())
                || !Objects.equals(before.onlineLink(), after.onlineLink()))) {
            mail.toEveryoneRegistered(after, "events/mail/eventChanged");
        }
        return new Outcome(id, Map.of());
    }

    /** Moves the event to {@code status}; cancelling it tells everyone registered. */
    @Transactional
    public void changeStatus(CurrentUser user, long id, EventStatus status) {
        Event event = lockManageable(user, id);
        if (event.status() == status) {
            return;
        }
        jdbc.sql("update event set status = :status, updated_at = now() where id = :id")
                .param("status", status.name()).param("id", id).update();
        if (status == EventStatus.CANCELLED && event.status() == EventStatus.PUBLISHED) {
            mail.toEveryoneRegistered(event, "events/mail/eventCancelled");
        }
    }

    /** The event locked for change, after checking the person manages it (404 for an unknown id, 403 otherwise). */
    Event lockManageable(CurrentUser user, long id) {
        jdbc.sql("select id from event where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("event", id));
        Event event = catalogue.find(id).orElseThrow(() -> new NotFound("event", id));
        if (!permissions.canManage(user, event)) {
            throw new AccessDeniedException("Event " + id + " is not this organiser's");
        }
        return event;
    }

    private void saveChildren(long id, Values values) {
        List<Long> served = switch (values.level()) {
            case REGIONAL -> List.of(Objects.requireNonNull(values.regionId()));
            case MACROREGIONAL -> directory.regions().stream()
                    .filter(r -> r.macroregion().id() == Objects.requireNonNull(values.macroregionId()))
                    .map(Region::id).toList();
            case NATIONAL -> directory.regions().stream().map(Region::id).toList();
        };
        for (Long region : served) {
            jdbc.sql("insert into event_region (event_id, region_id) values (:event, :region)")
                    .param("event", id).param("region", region).update();
        }
        int position = 0;
        for (Material material : values.materials()) {
            jdbc.sql("""
                            insert into event_material (event_id, position, title, url, participants_only)
                            values (:event, :position, :title, :url, :only)
                            """)
                    .param("event", id).param("position", position++).param("title", material.title())
                    .param("url", material.url()).param("only", material.participantsOnly()).update();
        }
    }

    private static Map<String, Object> parameters(Values v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", v.type().name());
        p.put("level", v.level().name());
        p.put("region", v.regionId());
        p.put("macroregion", v.macroregionId());
        p.put("format", v.format().name());
        p.put("title", v.title());
        p.put("description", v.description());
        p.put("venue", v.venue());
        p.put("address", v.address());
        p.put("link", v.onlineLink());
        p.put("starts", java.sql.Timestamp.from(v.startsAt()));
        p.put("ends", java.sql.Timestamp.from(v.endsAt()));
        p.put("onSite", v.seatsOnSite());
        p.put("online", v.seatsOnline());
        p.put("quota", v.regionQuota());
        p.put("opens", v.opensAt() == null ? null : java.sql.Timestamp.from(v.opensAt()));
        p.put("closes", v.closesAt() == null ? null : java.sql.Timestamp.from(v.closesAt()));
        p.put("audience", v.audience().name());
        p.put("roles", v.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        p.put("agenda", v.agenda());
        p.put("speakers", v.speakers());
        return p;
    }

    /** Checks every field; null with {@code errors} filled when something is wrong. */
    @Nullable Values check(EventForm form, Map<String, String> errors) {
        EventType type = parseEnum(EventType.class, form.type(), "type", errors);
        EventLevel level = parseEnum(EventLevel.class, form.level(), "level", errors);
        EventFormat format = parseEnum(EventFormat.class, form.format(), "format", errors);
        Audience audience = parseEnum(Audience.class, form.audience(), "audience", errors);
        Long regionId = null;
        Long macroregionId = null;
        if (level == EventLevel.REGIONAL) {
            regionId = parseId(form.regionId());
            Long candidate = regionId;
            if (candidate == null || directory.regions().stream().noneMatch(r -> r.id() == candidate)) {
                errors.put("regionId", "events.form.region.required");
            }
        } else if (level == EventLevel.MACROREGIONAL) {
            macroregionId = parseId(form.macroregionId());
            Long candidate = macroregionId;
            if (candidate == null || directory.macroregions().stream().noneMatch(m -> m.id() == candidate)) {
                errors.put("macroregionId", "events.form.macroregion.required");
            }
        }
        String title = text(form.title(), "title", 300, true, false, errors);
        String description = text(form.description(), "description", 20_000, false, true, errors);
        String venue = text(form.venue(), "venue", 300, false, false, errors);
        String address = text(form.address(), "address", 300, false, false, errors);
        String link = text(form.onlineLink(), "onlineLink", 500, false, false, errors);
        if (!link.isEmpty() && !link(link)) {
            errors.put("onlineLink", "events.form.link.invalid");
        }
        if (format != null && format.onSite() && venue.isEmpty() && !errors.containsKey("venue")) {
            errors.put("venue", "events.form.venue.required");
        }
        ZonedDateTime start = dateTime(form.startDate(), form.startTime(), "startDate", true, errors);
        ZonedDateTime end = dateTime(form.endDate() == null || form.endDate().isBlank() ? form.startDate() : form.endDate(),
                form.endTime(), "endDate", true, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.put("endDate", "events.form.end.beforeStart");
        }
        int onSite = number(form.seatsOnSite(), "seatsOnSite", errors);
        int online = number(form.seatsOnline(), "seatsOnline", errors);
        if (format != null && !errors.containsKey("seatsOnSite") && !errors.containsKey("seatsOnline")) {
            if (format.onSite() && onSite == 0) {
                errors.put("seatsOnSite", "events.form.seats.required");
            }
            if (format.online() && online == 0) {
                errors.put("seatsOnline", "events.form.seats.required");
            }
        }
        Integer quota = null;
        if (form.regionQuota() != null && !form.regionQuota().isBlank()) {
            int q = number(form.regionQuota(), "regionQuota", errors);
            if (!errors.containsKey("regionQuota")) {
                if (q == 0) {
                    errors.put("regionQuota", "events.form.number.invalid");
                } else {
                    quota = q;
                }
            }
        }
        ZonedDateTime opens = dateTime(form.opensDate(), "00:00", "opensDate", false, errors);
        ZonedDateTime closes = dateTime(form.closesDate(), "23:59", "closesDate", false, errors);
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            errors.put("closesDate", "events.form.closes.beforeOpens");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : form.roles()) {
            try {
                roles.add(Role.valueOf(role));
            } catch (IllegalArgumentException e) {
                errors.put("audienceRoles", "form.invalid");
            }
        }
        if (audience == Audience.ROLES && roles.isEmpty() && !errors.containsKey("audienceRoles")) {
            errors.put("audienceRoles", "events.form.roles.required");
        }
        String agenda = text(form.agenda(), "agenda", 10_000, false, true, errors);
        String speakers = text(form.speakers(), "speakers", 5_000, false, true, errors);
        String materialsText = text(form.materials(), "materials", 10_000, false, true, errors);
        List<Material> materials = new ArrayList<>();
        for (String line : materialsText.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            String url = parts.length > 1 ? parts[1].strip() : "";
            String visibility = parts.length > 2 ? parts[2].strip().toLowerCase(java.util.Locale.ROOT) : "";
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[0].strip().length() > 300
                    || !link(url)) {
                errors.put("materials", "events.form.materials.invalid");
                break;
            }
            boolean participantsOnly = visibility.startsWith("uczestni") || visibility.startsWith("particip");
            materials.add(new Material(0, parts[0].strip(), url, participantsOnly));
        }
        if (!errors.isEmpty() || type == null || level == null || format == null || audience == null || start == null
                || end == null) {
            return null;
        }
        return new Values(type, level, regionId, macroregionId, format, title, description, blankToNull(venue),
                blankToNull(address), blankToNull(link), start.toInstant(), end.toInstant(), format.onSite() ? onSite : 0,
                format.online() ? online : 0, quota, opens == null ? null : opens.toInstant(),
                closes == null ? null : closes.toInstant(), audience, roles, agenda, speakers, materials);
    }

    /** The form of an existing event, as its organiser sees it to change it. */
    public static EventForm formOf(Event e) {
        ZonedDateTime start = e.start();
        ZonedDateTime end = e.end();
        StringBuilder materials = new StringBuilder();
        for (Material m : e.materials()) {
            materials.append(m.title()).append(" | ").append(m.url()).append(" | ")
                    .append(m.participantsOnly() ? "uczestnicy" : "publiczny").append('\n');
        }
        return new EventForm(e.type().name(), e.level().name(), e.regionId() == null ? "" : e.regionId().toString(),
                e.macroregionId() == null ? "" : e.macroregionId().toString(), e.format().name(), e.title(),
                e.description(), Objects.toString(e.venue(), ""), Objects.toString(e.address(), ""),
                Objects.toString(e.onlineLink(), ""), start.toLocalDate().toString(), hm(start),
                end.toLocalDate().toString(), hm(end), Integer.toString(e.seatsOnSite()),
                Integer.toString(e.seatsOnline()), e.regionQuota() == null ? "" : e.regionQuota().toString(),
                e.registrationOpensAt() == null ? "" : e.registrationOpensAt().atZone(Formats.ZONE).toLocalDate().toString(),
                e.registrationClosesAt() == null ? "" : e.registrationClosesAt().atZone(Formats.ZONE).toLocalDate().toString(),
                e.audience().name(), e.audienceRoles().stream().map(Role::name).toList(), e.agenda(), e.speakers(),
                materials.toString());
    }

    private static String hm(ZonedDateTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static @Nullable String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static <E extends Enum<E>> @Nullable E parseEnum(Class<E> type, @Nullable String value, String field,
            Map<String, String> errors) {
        try {
            return Enum.valueOf(type, strip(value));
        } catch (IllegalArgumentException e) {
            errors.put(field, "form.invalid");
            return null;
        }
    }

    private static @Nullable Long parseId(@Nullable String value) {
        try {
            return Long.valueOf(strip(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(@Nullable String value, String field, int max, boolean required, boolean multiline,
            Map<String, String> errors) {
        String text = strip(value);
        if (required && text.isEmpty()) {
            errors.put(field, "events.form.required");
        } else if (text.length() > max) {
            errors.put(field, "events.form.tooLong");
        } else if (TextInput.unprintable(text, multiline)) {
            errors.put(field, "events.form.unprintable");
        }
        return text;
    }

    private static int number(@Nullable String value, String field, Map<String, String> errors) {
        try {
            int n = Integer.parseInt(strip(value));
            if (n < 0 || n > 100_000) {
                errors.put(field, "events.form.number.invalid");
                return 0;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.put(field, "events.form.number.invalid");
            return 0;
        }
    }

    /** A date and time typed in Warsaw; across the autumn change the earlier of the two hours, in spring the next valid one. */
    private ZonedDateTime dateTime(@Nullable String date, @Nullable String time, String field, boolean required,
            Map<String, String> errors) {
        String d = strip(date);
        if (d.isEmpty()) {
            if (required) {
                errors.put(field, "events.form.date.required");
            }
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(d);
            LocalTime at = LocalTime.parse(strip(time).isEmpty() ? "00:00" : strip(time));
            if (day.getYear() < 2000 || day.getYear() > 2100) {
                errors.put(field, "events.form.date.invalid");
                return null;
            }
            return ZonedDateTime.of(day, at, Formats.ZONE);
        } catch (DateTimeParseException e) {
            errors.put(field, "events.form.date.invalid");
            return null;
        }
    }

    /** The text as typed text is kept (shared.text.TextInput), never null. */
    private static String strip(@Nullable String value) {
        String text = TextInput.normalise(value);
        return text == null ? "" : text;
    }

    /** An address people may follow: http(s) or a path on this site, without spaces or quotes. */
    private static boolean link(String value) {
        return (value.startsWith("https://") || value.startsWith("http://") || (value.startsWith("/") && !value.startsWith("//")))
                && value.length() <= 500 && value.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\');
    }
}
