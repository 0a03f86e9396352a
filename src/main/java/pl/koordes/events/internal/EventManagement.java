package pl.koordes.events.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.events.EventCancelled;
import pl.koordes.events.EventChanged;
import pl.koordes.events.EventCreated;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventStatus;
import pl.koordes.events.EventStatusChanged;
import pl.koordes.events.SeatMode;
import pl.koordes.events.internal.EventForm.Visibility;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.text.TextInput;

/**
 * Creating and changing events. The form arrives checked by its own rules ({@link EventForm}); what needs
 * the database is checked here and refused with {@link Refused}. Permissions by {@link EventPermissions}.
 * Each change publishes its past-tense event ({@link EventCreated}, {@link EventChanged},
 * {@link EventCancelled}, {@link EventStatusChanged}) in its transaction — the audit log's lines — and
 * everyone registered is told by e-mail when the time or place changes or the event is cancelled.
 */
@Service
public class EventManagement {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final EventPermissions permissions;
    private final EventCatalogue catalogue;
    private final EventMail mail;
    private final ApplicationEventPublisher events;

    EventManagement(
            JdbcClient jdbc,
            Directory directory,
            EventPermissions permissions,
            EventCatalogue catalogue,
            EventMail mail,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.permissions = permissions;
        this.catalogue = catalogue;
        this.mail = mail;
        this.events = events;
    }

    /** The form's values as stored. */
    record Values(
            EventType type,
            EventLevel level,
            @Nullable Long regionId,
            @Nullable Long macroregionId,
            EventFormat format,
            String title,
            String description,
            @Nullable String venue,
            @Nullable String address,
            @Nullable String onlineLink,
            Instant startsAt,
            Instant endsAt,
            int seatsOnSite,
            int seatsOnline,
            @Nullable Integer regionQuota,
            @Nullable Instant opensAt,
            @Nullable Instant closesAt,
            Audience audience,
            Set<Role> roles,
            String agenda,
            String speakers,
            List<Material> materials) {}

    /**
     * Creates the event as a draft.
     *
     * @return the new event's id
     * @throws Refused when the region or macroregion chosen does not exist
     * @throws AccessDeniedException when the event would lie outside the organiser's scope
     */
    @Transactional
    public long create(CurrentUser user, EventForm form) {
        Values values = values(form);
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
                        """).params(parameters(values)).query(Long.class).single();
        saveEnglish(id, form);
        saveChildren(id, values);
        events.publishEvent(new EventCreated(id, values.title(), values.level(), values.regionId()));
        return id;
    }

    /**
     * Saves the form over the event. When a published event's time or place changes, everyone registered
     * is told by e-mail.
     *
     * @throws Refused when the region does not exist or fewer seats are left than people already hold
     * @throws NotFound for an unknown event
     * @throws AccessDeniedException for an event, or a change, outside the organiser's scope
     */
    @Transactional
    public void update(CurrentUser user, long id, EventForm form) {
        Event before = lockManageable(user, id);
        Values values = values(form);
        if (!permissions.canManage(user, values.level(), values.regionId())) {
            throw new AccessDeniedException("Event outside the organiser's scope");
        }
        refuseFewerSeatsThanTaken(id, values);
        jdbc.sql("""
                        update event set type = :type, level = :level, region_id = :region, macroregion_id = :macroregion,
                            format = :format, title = :title, description = :description, venue = :venue, address = :address,
                            online_link = :link, starts_at = :starts, ends_at = :ends, seats_on_site = :onSite,
                            seats_online = :online, region_quota = :quota, registration_opens_at = :opens,
                            registration_closes_at = :closes, audience = :audience, audience_roles = :roles, agenda = :agenda,
                            speakers = :speakers, updated_at = now(),
                            reminder_sent_at = case when starts_at = :starts then reminder_sent_at end
                        where id = :id
                        """).params(parameters(values)).param("id", id).update();
        saveEnglish(id, form);
        jdbc.sql("delete from event_region where event_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from event_material where event_id = :id")
                .param("id", id)
                .update();
        saveChildren(id, values);
        Event after = catalogue.find(id).orElseThrow();
        EventChanged changed = new EventChanged(
                id,
                after.title(),
                before.status(),
                details(before),
                details(after),
                EventAuditValues.of(before),
                EventAuditValues.of(after));
        events.publishEvent(changed);
        if (changed.mattersToRegistrants()) {
            mail.toEveryoneRegistered(
                    after, "events/mail/eventChanged", Map.of("changes", EventChange.between(before, after)));
        }
    }

    /** Moves the event to {@code status}; cancelling it tells everyone registered. */
    @Transactional
    public void changeStatus(CurrentUser user, long id, EventStatus status) {
        Event event = lockManageable(user, id);
        if (event.status() == status) {
            return;
        }
        if (status == EventStatus.DRAFT && affected(id).any()) {
            // A draft is hidden: its registered people would lose the event without a word. Cancelling tells them.
            throw Refused.conflict("events.manage.toDraft.refused");
        }
        jdbc.sql("update event set status = :status, updated_at = now() where id = :id")
                .param("status", status.name())
                .param("id", id)
                .update();
        if (status == EventStatus.CANCELLED) {
            boolean published = event.status() == EventStatus.PUBLISHED;
            events.publishEvent(new EventCancelled(id, event.title(), event.startsAt(), published));
            if (published) {
                mail.toEveryoneRegistered(event, "events/mail/eventCancelled");
            }
        } else {
            events.publishEvent(new EventStatusChanged(id, event.status(), status, event.title()));
        }
    }

    /** Who a change of the event's status reaches: live registrations with or without a seat, and the waiting list. */
    public record Affected(int registered, int waiting) {

        /** Whether anyone at all is registered or waiting. */
        public boolean any() {
            return registered + waiting > 0;
        }
    }

    /** The people registered for the event and waiting for a seat: those its cancellation tells. */
    @Transactional(readOnly = true)
    public Affected affected(long id) {
        return jdbc.sql("""
                        select count(*) filter (where status in ('PENDING','UNCONFIRMED','CONFIRMED')) as registered,
                               count(*) filter (where status = 'WAITING') as waiting
                        from event_registration where event_id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new Affected(rs.getInt("registered"), rs.getInt("waiting")))
                .single();
    }

    /** The event locked for change, after checking the person manages it (not found for an unknown id, 403 otherwise). */
    Event lockManageable(CurrentUser user, long id) {
        jdbc.sql("select id from event where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFound("event", id));
        Event event = catalogue.find(id).orElseThrow(() -> new NotFound("event", id));
        if (!permissions.canManage(user, event)) {
            throw new AccessDeniedException("Event " + id + " is not this organiser's");
        }
        return event;
    }

    /** Seats cannot drop below the people who already hold one of that kind: they would be left without. */
    private void refuseFewerSeatsThanTaken(long id, Values values) {
        Map<String, Integer> taken = new LinkedHashMap<>();
        jdbc.sql("""
                        select mode, count(*) as taken from event_registration
                        where event_id = :id and status in ('PENDING', 'CONFIRMED') group by mode
                        """)
                .param("id", id)
                .query((rs, n) -> taken.put(rs.getString("mode"), rs.getInt("taken")))
                .list();
        List<Refused.Reason> reasons = new ArrayList<>();
        if (values.seatsOnSite() < taken.getOrDefault(SeatMode.ON_SITE.name(), 0)) {
            reasons.add(new Refused.Reason(
                    values.format().onSite() ? "seatsOnSite" : "format", "events.form.seats.belowTaken"));
        }
        if (values.seatsOnline() < taken.getOrDefault(SeatMode.ONLINE.name(), 0)) {
            reasons.add(new Refused.Reason(
                    values.format().online() ? "seatsOnline" : "format", "events.form.seats.belowTaken"));
        }
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
    }

    private void saveChildren(long id, Values values) {
        List<Long> served = switch (values.level()) {
            case REGIONAL -> List.of(Objects.requireNonNull(values.regionId()));
            case MACROREGIONAL ->
                directory.regions().stream()
                        .filter(r -> r.macroregion().id() == Objects.requireNonNull(values.macroregionId()))
                        .map(Region::id)
                        .toList();
            case NATIONAL -> directory.regions().stream().map(Region::id).toList();
        };
        for (Long region : served) {
            jdbc.sql("insert into event_region (event_id, region_id) values (:event, :region)")
                    .param("event", id)
                    .param("region", region)
                    .update();
        }
        int position = 0;
        for (Material material : values.materials()) {
            jdbc.sql("""
                            insert into event_material (event_id, position, title, url, participants_only)
                            values (:event, :position, :title, :url, :only)
                            """)
                    .param("event", id)
                    .param("position", position++)
                    .param("title", material.title())
                    .param("url", material.url())
                    .param("only", material.participantsOnly())
                    .update();
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
        p.put("starts", Timestamp.from(v.startsAt()));
        p.put("ends", Timestamp.from(v.endsAt()));
        p.put("onSite", v.seatsOnSite());
        p.put("online", v.seatsOnline());
        p.put("quota", v.regionQuota());
        p.put("opens", v.opensAt() == null ? null : Timestamp.from(v.opensAt()));
        p.put("closes", v.closesAt() == null ? null : Timestamp.from(v.closesAt()));
        p.put("audience", v.audience().name());
        p.put("roles", v.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        p.put("agenda", v.agenda());
        p.put("speakers", v.speakers());
        return p;
    }

    /**
     * The checked form's values as stored, after the rules that need the database: the region or
     * macroregion chosen exists. A form that has not passed its own checks is a programming error.
     */
    Values values(EventForm form) {
        EventLevel level = Objects.requireNonNull(form.level(), "form not checked");
        EventFormat format = Objects.requireNonNull(form.format(), "form not checked");
        Long regionId = null;
        Long macroregionId = null;
        if (level == EventLevel.REGIONAL) {
            regionId = form.regionId();
            Long candidate = regionId;
            if (candidate == null || directory.regions().stream().noneMatch(r -> r.id() == candidate)) {
                throw Refused.field("regionId", "events.form.region.required");
            }
        } else if (level == EventLevel.MACROREGIONAL) {
            macroregionId = form.macroregionId();
            Long candidate = macroregionId;
            if (candidate == null || directory.macroregions().stream().noneMatch(m -> m.id() == candidate)) {
                throw Refused.field("macroregionId", "events.form.macroregion.required");
            }
        }
        LocalDate startDate = Objects.requireNonNull(form.startDate(), "form not checked");
        ZonedDateTime start = at(startDate, Objects.requireNonNull(form.startTime(), "form not checked"));
        ZonedDateTime end = at(
                form.endDate() == null ? startDate : form.endDate(),
                Objects.requireNonNull(form.endTime(), "form not checked"));
        List<AgendaItem> agenda = form.agenda().stream()
                .filter(r -> !r.empty())
                .map(r -> new AgendaItem(text(r.time()), text(r.title()), text(r.speakers())))
                .toList();
        List<Speaker> speakers = form.speakers().stream()
                .filter(r -> !r.empty())
                .map(r -> new Speaker(text(r.name()), text(r.affiliation())))
                .toList();
        List<Material> materials = form.materials().stream()
                .filter(r -> !r.empty())
                .map(r ->
                        new Material(0, text(r.title()), text(r.address()), r.visibility() == Visibility.PARTICIPANTS))
                .toList();
        Set<Role> roles =
                form.audienceRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(form.audienceRoles());
        return new Values(
                Objects.requireNonNull(form.type(), "form not checked"),
                level,
                regionId,
                macroregionId,
                format,
                text(form.title()),
                text(form.description()),
                blankToNull(form.venue()),
                blankToNull(form.address()),
                blankToNull(form.onlineLink()),
                start.toInstant(),
                end.toInstant(),
                format.onSite() ? Objects.requireNonNullElse(form.seatsOnSite(), 0) : 0,
                format.online() ? Objects.requireNonNullElse(form.seatsOnline(), 0) : 0,
                form.regionQuota(),
                form.opensDate() == null
                        ? null
                        : at(form.opensDate(), LocalTime.MIN).toInstant(),
                form.closesDate() == null
                        ? null
                        : at(form.closesDate(), LocalTime.of(23, 59)).toInstant(),
                Objects.requireNonNull(form.audience(), "form not checked"),
                roles,
                AgendaItem.format(agenda),
                Speaker.format(speakers),
                materials);
    }

    /** The optional English title and description, as typed (empty for none). */
    private void saveEnglish(long id, EventForm form) {
        jdbc.sql("update event set title_en = :titleEn, description_en = :descriptionEn where id = :id")
                .param("titleEn", text(form.titleEn()).strip())
                .param("descriptionEn", text(form.descriptionEn()).strip())
                .param("id", id)
                .update();
    }

    /** A date and time typed in Warsaw; across the autumn change the earlier of the two hours, in spring the next valid one. */
    private static ZonedDateTime at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, Formats.ZONE);
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The text as typed text is kept (shared.text.TextInput), never null. */
    private static String strip(@Nullable String value) {
        String text = TextInput.normalise(value);
        return text == null ? "" : text;
    }

    /** An address people may follow: http(s) or a path on this site, without spaces or quotes. */
    private static boolean link(String value) {
        return (value.startsWith("https://")
                        || value.startsWith("http://")
                        || (value.startsWith("/") && !value.startsWith("//")))
                && value.length() <= 500
                && value.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\');
    }

    private static EventChanged.Details details(Event event) {
        return new EventChanged.Details(
                event.startsAt(), event.endsAt(), event.venue(), event.address(), event.onlineLink());
    }
}
