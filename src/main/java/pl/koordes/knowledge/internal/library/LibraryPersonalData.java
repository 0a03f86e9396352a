package pl.koordes.knowledge.internal.library;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * The library documents a person added ({@code library_document.created_by}): the export lists them (number,
 * title, when). Erasure keeps the documents — they are the regions' knowledge, not the person's — and forgets who
 * added them.
 */
@Component
class LibraryPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    LibraryPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "libraryDocuments";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return Map.of();
        }
        var result = PersonalData.row();
        result.put(
                "added",
                jdbc.sql("select id, title, created_at from library_document where created_by = :a order by id")
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("document", rs.getLong("id"));
                            row.put("title", rs.getString("title"));
                            row.put("addedAt", PersonalData.time(rs.getTimestamp("created_at")));
                            return row;
                        })
                        .list());
        return result;
    }

    @Override
    public void erase(Person person) {
        Long account = person.accountId();
        if (account != null) {
            jdbc.sql("update library_document set created_by = null where created_by = :a")
                    .param("a", account)
                    .update();
        }
    }
}
