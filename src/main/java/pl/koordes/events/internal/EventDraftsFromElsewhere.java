package pl.koordes.events.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.events.EventDrafts;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventReference;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.CurrentUser;

/**
 * {@link EventDrafts}: a draft goes through {@link EventManagement#create} with a form filled in here, so it
 * is checked and audited exactly as an organiser's new event.
 */
@Component
class EventDraftsFromElsewhere implements EventDrafts {

    private static final String SELECT = "select id, title, title_en, level, status, starts_at, ends_at from event e ";

    private final EventManagement management;
    private final EventCatalogue catalogue;
    private final JdbcClient jdbc;

    EventDraftsFromElsewhere(EventManagement management, EventCatalogue catalogue, JdbcClient jdbc) {
        this.management = management;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long create(CurrentUser organiser, String title, String description, @Nullable Long regionId) {
        LocalDate day = catalogue.now().atZone(Formats.ZONE).toLocalDate().plusMonths(1);
        EventForm empty = EventForm.empty(regionId);
        EventForm form = new EventForm(
                empty.type(),
                regionId == null ? EventLevel.NATIONAL : EventLevel.REGIONAL,
                regionId,
                null,
                empty.format(),
                title,
                description,
                "",
                "",
                "",
                day,
                LocalTime.of(10, 0),
                null,
                LocalTime.of(14, 0),
                empty.seatsOnSite(),
                empty.seatsOnline(),
                null,
                null,
                null,
                empty.audience(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "",
                "");
        return management.create(organiser, form);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, EventReference> findAny(Collection<Long> ids) {
        Map<Long, EventReference> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + "where e.id in (:ids) order by e.starts_at, e.id")
                .param("ids", List.copyOf(ids))
                .query(EventReferences::reference)
                .list()
                .forEach(e -> found.put(e.id(), e));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public List<EventReference> latest(int limit) {
        return jdbc.sql(SELECT + "where e.status <> 'CANCELLED' order by e.starts_at desc, e.id desc limit :limit")
                .param("limit", limit)
                .query(EventReferences::reference)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EventReference> latestInRegion(long regionId, int limit) {
        return jdbc.sql(SELECT + """
                        where e.level = 'REGIONAL' and e.region_id = :region and e.status <> 'CANCELLED'
                        order by e.starts_at desc, e.id desc limit :limit""")
                .param("region", regionId)
                .param("limit", limit)
                .query(EventReferences::reference)
                .list();
    }
}
