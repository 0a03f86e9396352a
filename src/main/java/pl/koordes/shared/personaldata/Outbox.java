package pl.koordes.shared.personaldata;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event publication registry (the outbox every module's mail and cross-module events go through)
 * keeps each published event, delivered or not, with the person's address and name inside mail and audit
 * facts. Erasure removes every publication naming the person: delivered ones are history nobody needs,
 * undelivered ones would still mail them.
 */
@Component
class Outbox implements PersonalData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "pendingMessages";
    }

    @Override
    public Object export(Person person) {
        return jdbc.sql("""
                        select event_type, publication_date from event_publication
                        where completion_date is null and serialized_event ilike :like
                        order by publication_date
                        """)
                .param("like", PersonalData.anywhere(person.email()))
                .query((rs, n) -> {
                    var row = PersonalData.row();
                    row.put("kind", rs.getString("event_type").replaceAll(".*\\.", ""));
                    row.put("publishedAt", String.valueOf(rs.getObject("publication_date")));
                    return row;
                })
                .list();
    }

    @Override
    public void erase(Person person) {
        // By address: everything, so nothing more is sent to the person. By name: only what was delivered,
        // since an undelivered message to someone else that merely names the person must still go out.
        delete(person.email(), false);
        if (!person.displayName().isBlank()) {
            delete(person.displayName(), true);
        }
    }

    private void delete(String value, boolean deliveredOnly) {
        // Serialized as JSON: the value appears JSON-escaped (a quote or a Polish letter may be escaped).
        String escaped = JSON.writeValueAsString(value);
        jdbc.sql("""
                        delete from event_publication
                        where (serialized_event ilike :plain or serialized_event ilike :json)
                          and (not :deliveredOnly or completion_date is not null)
                        """)
                .param("plain", PersonalData.anywhere(value))
                .param("json", PersonalData.anywhere(escaped.substring(1, escaped.length() - 1)))
                .param("deliveredOnly", deliveredOnly)
                .update();
    }
}
