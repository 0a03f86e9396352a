package pl.koordes.content.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.web.Paged;

/** Reads stored pictures: the bytes for visitors, the list for editors. */
@Service
@Transactional(readOnly = true)
public class Images {

    private final JdbcClient jdbc;

    public Images(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A picture's bytes and type, as served. */
    public record Stored(String contentType, byte[] data) {}

    /** A picture as the editor's list shows it. */
    public record Listed(
            long id, String alt, String originalName, int width, int height, String contentType, Instant uploadedAt) {

        public String href() {
            return "/media/" + id;
        }

        /** What an editor pastes into an article's Markdown to show this picture. */
        public String markdown() {
            return "![" + alt.replace("]", "") + "](/media/" + id + ")";
        }
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql("select content_type, data from content_image where id = :id")
                .param("id", id)
                .query((rs, n) -> new Stored(rs.getString("content_type"), rs.getBytes("data")))
                .optional();
    }

    public Paged<Listed> list(int page, int size) {
        long total =
                jdbc.sql("select count(*) from content_image").query(Long.class).single();
        List<Listed> items = jdbc.sql("""
                        select id, alt, original_name, width, height, content_type, created_at
                        from content_image order by created_at desc, id desc limit :limit offset :offset""")
                .param("limit", size)
                .param("offset", Paged.offset(page, size))
                .query((rs, n) -> new Listed(
                        rs.getLong("id"),
                        rs.getString("alt"),
                        rs.getString("original_name"),
                        rs.getInt("width"),
                        rs.getInt("height"),
                        rs.getString("content_type"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        return new Paged<>(items, page, size, total);
    }
}
