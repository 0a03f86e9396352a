package pl.koordes.notifications.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * The development mailbox keeps every message delivered while no mail server is configured: messages to
 * the person, and messages about them (an organiser's notice naming them). Erasure deletes both; the
 * download lists what was sent to them.
 */
@Component
class MailboxPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    MailboxPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "messagesSent";
    }

    @Override
    public Object export(Person person) {
        return jdbc.sql("""
                        select delivered_at, subject from notifications_dev_mailbox
                        where lower(recipient) like :like order by delivered_at
                        """)
                .param("like", PersonalData.anywhere(person.email().toLowerCase(Locale.ROOT)))
                .query((rs, n) -> {
                    var row = PersonalData.row();
                    row.put("deliveredAt", String.valueOf(rs.getObject("delivered_at")));
                    row.put("subject", rs.getString("subject"));
                    return row;
                })
                .list();
    }

    @Override
    public void erase(Person person) {
        for (String value : List.of(person.email(), person.displayName())) {
            if (value.isBlank()) {
                continue;
            }
            jdbc.sql("""
                            delete from notifications_dev_mailbox
                            where recipient ilike :like or subject ilike :like or text_body ilike :like or html_body ilike :like
                            """).param("like", PersonalData.anywhere(value)).update();
        }
    }
}
