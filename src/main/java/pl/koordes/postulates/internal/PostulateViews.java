package pl.koordes.postulates.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.KpresArea;
import pl.koordes.monitoring.KpresAreas;
import pl.koordes.shared.i18n.Formats;

/** Builds a postulate's page view in a fixed number of queries. */
@Component
@Transactional(readOnly = true)
public class PostulateViews {

    private final PostulateStore store;
    private final Directory directory;
    private final KpresAreas areas;
    private final JdbcClient jdbc;
    private final Clock clock;

    PostulateViews(PostulateStore store, Directory directory, KpresAreas areas, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.areas = areas;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<PostulateView> view(long id) {
        return store.find(id).map(this::view);
    }

    public PostulateView view(Postulate postulate) {
        Region region = directory.region(postulate.regionId()).orElseThrow();
        CentralInstitution addressee = directory
                .centralInstitution(postulate.addresseeId())
                .orElseGet(() -> new CentralInstitution(postulate.addresseeId(), "—", null));
        List<KpresArea> tagged = areas.all().stream()
                .filter(area -> postulate.areaCodes().contains(area.code()))
                .toList();
        List<PostulateView.Attachment> attachments = jdbc.sql("""
                        select id, file_name, content_type, size_bytes from postulates_attachment
                        where postulate_id = :id order by id
                        """)
                .param("id", postulate.id())
                .query((rs, n) ->
                        new PostulateView.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        return new PostulateView(postulate, region, addressee, tagged, attachments, postulate.daysOverdue(today));
    }
}
