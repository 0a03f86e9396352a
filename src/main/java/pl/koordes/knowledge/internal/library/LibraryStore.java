package pl.koordes.knowledge.internal.library;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.Paged;

/**
 * Reads the library. Every read that lists documents takes the visitor's audience tokens and filters by them in
 * the statement, so a count or a title of what they may not open never leaves the database.
 */
@Component
public class LibraryStore {

    /** Documents per page of the list. */
    public static final int PAGE_SIZE = 20;

    static final String COLUMNS = """
            d.id, d.kind, d.title, d.description, d.tags, d.region_id, d.year, d.institution_id, d.external_url,
            d.stored_file_id, f.file_name, f.content_type, f.size_bytes, d.event_id, d.advisory_case_id, d.postulate_id,
            d.programme_region_id, d.public_document, d.reader_roles, d.reader_regions, d.audience, d.created_by,
            d.created_at, d.updated_at, d.row_version, i.name as institution_name
            """;

    static final String FROM = """
             from library_document d left join stored_file f on f.id = d.stored_file_id
             left join institution i on i.id = d.institution_id
            """;

    /** A document as a list shows it: with its author institution's name. */
    public record Listed(LibraryDocument document, @Nullable String institutionName) {}

    private final JdbcClient jdbc;

    LibraryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The document, whoever may open it (the caller checks {@link LibraryAudience#mayOpen}). */
    public Optional<Listed> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.id = :id")
                .param("id", id)
                .query((rs, n) -> listed(rs))
                .optional();
    }

    /** One page of the documents the visitor may open, newest year first; two statements. */
    public Paged<Listed> page(LibraryFilter filter, Set<String> audience, int number) {
        String where = """
                 where d.audience && cast(:audience as text[])
                   and (cast(:kind as text) is null or d.kind = :kind)
                   and (not :national or d.region_id is null)
                   and (cast(:region as bigint) is null or d.region_id = :region)
                   and (cast(:year as int) is null or d.year = :year)
                   and (cast(:tag as text) is null or lower(:tag) = any(select lower(t) from unnest(d.tags) t))
                   and (cast(:query as text) is null or d.title ilike :query or d.description ilike :query
                        or array_to_string(d.tags, ' ') ilike :query)
                """;
        long total = bind(jdbc.sql("select count(*) from library_document d" + where), filter, audience)
                .query(Long.class)
                .single();
        int page = Math.min(Math.max(1, number), (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        List<Listed> items = total == 0
                ? List.of()
                : bind(
                                jdbc.sql("select " + COLUMNS + FROM + where
                                        + " order by d.year desc, d.id desc limit :limit offset :offset"),
                                filter,
                                audience)
                        .param("limit", PAGE_SIZE)
                        .param("offset", (long) (page - 1) * PAGE_SIZE)
                        .query((rs, n) -> listed(rs))
                        .list();
        return new Paged<>(items, page, PAGE_SIZE, total);
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, LibraryFilter filter, Set<String> audience) {
        String query = filter.query() == null || filter.query().isBlank() ? null : "%" + like(filter.query()) + "%";
        String tag = filter.tag() == null || filter.tag().isBlank()
                ? null
                : filter.tag().strip();
        return statement
                .param("audience", audience.toArray(String[]::new))
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .param("national", filter.national())
                .param("region", filter.national() ? null : filter.regionId())
                .param("year", filter.year())
                .param("tag", tag)
                .param("query", query);
    }

    /** The text with LIKE's wildcards and escape character escaped. */
    static String like(String text) {
        return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The years of the documents the visitor may open, newest first (the year filter's choices). */
    public List<Integer> years(Set<String> audience) {
        return jdbc.sql("select distinct year from library_document where audience && cast(:audience as text[])"
                        + " order by year desc")
                .param("audience", audience.toArray(String[]::new))
                .query((rs, n) -> rs.getInt(1))
                .list();
    }

    /** A document as a form offers it for linking. */
    public record Choice(long id, String title, int year) {}

    /**
     * The documents the visitor may open, newest first, at most {@code limit}, and those of {@code alsoIds} they
     * may open wherever they stand (a form's current choices); one statement.
     */
    public List<Choice> choices(Set<String> audience, int limit, Collection<Long> alsoIds) {
        return jdbc.sql("""
                        (select id, title, year from library_document where audience && cast(:audience as text[])
                         order by id desc limit :limit)
                        union
                        (select id, title, year from library_document
                         where id = any(cast(:also as bigint[])) and audience && cast(:audience as text[]))
                        order by id desc""")
                .param("audience", audience.toArray(String[]::new))
                .param("limit", limit)
                .param("also", alsoIds.toArray(Long[]::new))
                .query((rs, n) -> new Choice(rs.getLong("id"), rs.getString("title"), rs.getInt("year")))
                .list();
    }

    /** The documents this one links to, in the order of their numbers (whoever may open them). */
    public List<Long> related(long id) {
        return jdbc.sql("select target_id from library_document_link where document_id = :id order by target_id")
                .param("id", id)
                .query((rs, n) -> rs.getLong(1))
                .list();
    }

    /** The documents this one links to that the visitor may open; one statement. */
    public List<Listed> linkedFrom(long id, Set<String> audience) {
        return jdbc.sql("select " + COLUMNS + FROM + """
                         join library_document_link l on l.target_id = d.id
                        where l.document_id = :id and d.audience && cast(:audience as text[])
                        order by d.year desc, d.id desc""")
                .param("id", id)
                .param("audience", audience.toArray(String[]::new))
                .query((rs, n) -> listed(rs))
                .list();
    }

    /** The documents that link to this one and the visitor may open: id and title; one statement. */
    public List<Listed> linkingTo(long id, Set<String> audience) {
        return jdbc.sql("select " + COLUMNS + FROM + """
                         join library_document_link l on l.document_id = d.id
                        where l.target_id = :id and d.audience && cast(:audience as text[])
                        order by d.year desc, d.id desc""")
                .param("id", id)
                .param("audience", audience.toArray(String[]::new))
                .query((rs, n) -> listed(rs))
                .list();
    }

    /** The public documents that came from the event; one statement. */
    public List<Listed> publicOfEvent(long eventId) {
        return jdbc.sql("select " + COLUMNS + FROM
                        + " where d.event_id = :event and d.public_document order by d.year desc, d.id desc")
                .param("event", eventId)
                .query((rs, n) -> listed(rs))
                .list();
    }

    /** The documents the account added, oldest first (its personal data). */
    public List<Listed> addedBy(long accountId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.created_by = :account order by d.id")
                .param("account", accountId)
                .query((rs, n) -> listed(rs))
                .list();
    }

    /** Every document, a page of 200 at a time (the search backfill). */
    public void each(Consumer<Listed> sink) {
        long after = 0;
        while (true) {
            List<Listed> batch = jdbc.sql("select " + COLUMNS + FROM + " where d.id > :after order by d.id limit 200")
                    .param("after", after)
                    .query((rs, n) -> listed(rs))
                    .list();
            batch.forEach(sink);
            if (batch.size() < 200) {
                return;
            }
            after = batch.getLast().document().id();
        }
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        return new Listed(document(rs), rs.getString("institution_name"));
    }

    static LibraryDocument document(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(rs.getArray("reader_roles"))) {
            roles.add(Role.valueOf(role));
        }
        Set<Long> regions = new LinkedHashSet<>();
        Array regionArray = rs.getArray("reader_regions");
        if (regionArray != null) {
            for (Object region : (Object[]) regionArray.getArray()) {
                regions.add(((Number) region).longValue());
            }
        }
        return new LibraryDocument(
                rs.getLong("id"),
                DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("description"),
                strings(rs.getArray("tags")),
                rs.getObject("region_id", Long.class),
                rs.getInt("year"),
                rs.getObject("institution_id", Long.class),
                rs.getString("external_url"),
                rs.getObject("stored_file_id", Long.class),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getObject("event_id", Long.class),
                rs.getObject("advisory_case_id", Long.class),
                rs.getObject("postulate_id", Long.class),
                rs.getObject("programme_region_id", Long.class),
                rs.getBoolean("public_document"),
                roles,
                regions,
                new LinkedHashSet<>(strings(rs.getArray("audience"))),
                rs.getObject("created_by", Long.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("row_version"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
