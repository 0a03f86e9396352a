package pl.koordes.postulates.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.shared.i18n.Formats;

/**
 * What the operator's queue, the institution's inbox and a postulate's answer section read: each list in
 * one statement whatever its length (the names of regions and institutions joined in).
 */
@Component
@Transactional(readOnly = true)
public class AnswerQueries {

    /** How far back the inbox shows answered postulates. */
    static final Duration RECENT = Duration.ofDays(90);

    /** One line of a list: the postulate, its region and addressee, its dates. */
    public record Line(
            long id,
            String title,
            PostulateStatus status,
            String regionName,
            String regionNameEn,
            String addressee,
            @Nullable Instant submittedAt,
            @Nullable Instant signingClosesAt,
            @Nullable LocalDate answerDue,
            @Nullable Instant lastAnsweredAt,
            long overdueDays) {

        public String href() {
            return Postulate.path(id);
        }

        public String regionName(boolean english) {
            return english ? regionNameEn : regionName;
        }

        public boolean signingOpen(Instant now) {
            return signingClosesAt != null && now.isBefore(signingClosesAt);
        }
    }

    /** One version of an answer, without its document's content. */
    public record Version(
            int version,
            PostulateStatus status,
            String body,
            @Nullable LocalDate newDue,
            boolean correction,
            Instant answeredAt,
            String institution,
            @Nullable String fileName,
            @Nullable Long fileSize) {}

    /** An answer's document. */
    public record Document(String name, String type, byte[] content) {}

    private static final String LINE = """
            select p.id, p.title, p.status, r.name_pl, r.name_en, coalesce(i.short_name, i.name) as addressee,
                   p.submitted_at, p.signing_closes_at, p.answer_due, p.last_answered_at
            from postulates_postulate p
            join region r on r.id = p.region_id
            join institution i on i.id = p.addressee_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AnswerQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Submitted postulates, waiting longest first. */
    public List<Line> submitted() {
        return lines(LINE + " where p.status = 'SUBMITTED' order by p.submitted_at, p.id", null);
    }

    /** Forwarded postulates awaiting an answer, the most overdue first. */
    public List<Line> awaiting() {
        return lines(LINE + " where p.status in ('FORWARDED', 'IN_ANALYSIS') order by p.answer_due, p.id", null);
    }

    /** Postulates addressed to these institutions awaiting an answer, the most overdue first. */
    public List<Line> awaiting(Collection<Long> institutions) {
        if (institutions.isEmpty()) {
            return List.of();
        }
        return lines(LINE + """
                 where p.status in ('FORWARDED', 'IN_ANALYSIS') and p.addressee_id in (:institutions)
                 order by p.answer_due, p.id""", institutions);
    }

    /** Postulates addressed to these institutions answered in the last 90 days, the latest first. */
    public List<Line> recentlyAnswered(Collection<Long> institutions) {
        if (institutions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(LINE + """
                         where p.status in ('ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED') and p.addressee_id in (:institutions)
                           and p.last_answered_at > :since
                         order by p.last_answered_at desc, p.id desc limit 50""")
                .param("institutions", institutions)
                .param("since", Timestamp.from(Instant.now(clock).minus(RECENT)))
                .query(this::line)
                .list();
    }

    /** The versions of a postulate's answer, the newest first. */
    public List<Version> versions(long postulateId) {
        return jdbc.sql("""
                        select a.version, a.status, a.body, a.new_due, a.correction, a.answered_at,
                               i.name, a.file_name, a.file_size
                        from postulates_answer a join institution i on i.id = a.institution_id
                        where a.postulate_id = :id order by a.version desc""")
                .param("id", postulateId)
                .query((rs, n) -> new Version(
                        rs.getInt(1),
                        PostulateStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getBoolean(5),
                        Objects.requireNonNullElse(PostulateStore.instant(rs, "answered_at"), Instant.EPOCH),
                        rs.getString(7),
                        rs.getString(8),
                        (Long) rs.getObject(9)))
                .list();
    }

    /** The document of one version, if it has one. */
    public Optional<Document> document(long postulateId, int version) {
        return jdbc.sql("""
                        select file_name, file_type, file_content from postulates_answer
                        where postulate_id = :id and version = :version and file_content is not null""")
                .param("id", postulateId)
                .param("version", version)
                .query((rs, n) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    private List<Line> lines(String sql, @Nullable Collection<Long> institutions) {
        var statement = jdbc.sql(sql);
        if (institutions != null) {
            statement = statement.param("institutions", institutions);
        }
        return statement.query(this::line).list();
    }

    private Line line(ResultSet rs, int row) throws SQLException {
        PostulateStatus status = PostulateStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("answer_due", LocalDate.class);
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        long overdue =
                status.awaitsAnswer() && due != null && today.isAfter(due) ? today.toEpochDay() - due.toEpochDay() : 0;
        return new Line(
                rs.getLong("id"),
                rs.getString("title"),
                status,
                rs.getString("name_pl"),
                rs.getString("name_en"),
                rs.getString("addressee"),
                PostulateStore.instant(rs, "submitted_at"),
                PostulateStore.instant(rs, "signing_closes_at"),
                due,
                PostulateStore.instant(rs, "last_answered_at"),
                overdue);
    }
}
