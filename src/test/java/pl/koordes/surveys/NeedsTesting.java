package pl.koordes.surveys;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;

/** What the needs' tests share: signing in as demo accounts, the demo survey, and needs and events of their own. */
final class NeedsTesting {

    static final String SURVEY = "Potrzeby doradcze ekonomii społecznej 2026";
    static final String URGENT = "Najpilniejszy temat w jednym zdaniu";

    /** The columns an event is copied with (a past or future event of a test's own). */
    private static final String EVENT_COLUMNS = """
            type, level, region_id, macroregion_id, format, title, description, venue, address, online_link,
            starts_at, ends_at, seats_on_site, seats_online, region_quota, registration_opens_at,
            registration_closes_at, audience, audience_roles, agenda, speakers, title_en, description_en""";

    private final JdbcClient jdbc;
    private final int port;

    NeedsTesting(JdbcClient jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
    }

    SignedInClient signedIn(String email, String address) {
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        SignedInClient client = new SignedInClient(port, address);
        client.signInFully(
                email,
                DemoAccounts.PASSWORD,
                email.equals(DemoAccounts.ADMINISTRATOR) || email.startsWith("koordynator.")
                        ? DemoAccounts.TOTP_SECRET
                        : null);
        return client;
    }

    long survey() {
        return jdbc.sql("select id from surveys_survey where title = :t")
                .param("t", SURVEY)
                .query(Long.class)
                .single();
    }

    long urgentQuestion() {
        return jdbc.sql("select id from surveys_question where survey_id = :s and text = :t")
                .param("s", survey())
                .param("t", URGENT)
                .query(Long.class)
                .single();
    }

    /** A submitted answer of the demo survey that answered the urgent question, in a region (its id and text). */
    record Answer(long responseId, long regionId, String text) {}

    Answer answer() {
        return jdbc.sql("""
                        select r.id, r.region_id, a.text_value from surveys_response r
                        join surveys_answer a on a.response_id = r.id and a.question_id = :q
                        where r.survey_id = :s and r.status = 'SUBMITTED' order by r.id limit 1
                        """)
                .param("q", urgentQuestion())
                .param("s", survey())
                .query((rs, n) -> new Answer(rs.getLong("id"), rs.getLong("region_id"), rs.getString("text_value")))
                .single();
    }

    /** A survey of the test's own (no questions), for needs counted apart from the demo's. */
    long ownSurvey(String title) {
        return jdbc.sql("""
                        insert into surveys_survey (title, link_token, created_at, updated_at)
                        values (:title, :token, now(), now()) returning id
                        """)
                .param("title", title)
                .param("token", UUID.randomUUID().toString())
                .query(Long.class)
                .single();
    }

    /** An event of the test's own copied from a demo one, with this title, status and start (now + offset). */
    long event(String title, String status, String startsIn) {
        return jdbc.sql("insert into event (" + EVENT_COLUMNS + ", status) select "
                        + EVENT_COLUMNS
                                .replace("title, description", ":title, description")
                                .replace(
                                        "starts_at, ends_at",
                                        "now() + cast(:in as interval), now() + cast(:in as interval) + interval '2 hours'")
                        + ", :status from event where level = 'NATIONAL' order by id limit 1 returning id")
                .param("title", title)
                .param("in", startsIn)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    long audit(String action, long target) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :t")
                .param("a", action)
                .param("t", String.valueOf(target))
                .query(Long.class)
                .single();
    }

    String status(long need) {
        return jdbc.sql("select status from surveys_need where id = :id")
                .param("id", need)
                .query(String.class)
                .single();
    }

    /** A need of the test's own, inserted directly. */
    long need(String topic, Long surveyId) {
        return jdbc.sql("""
                        insert into surveys_need (survey_id, topic, region_id, description, created_at, updated_at)
                        values (:survey, :topic, (select id from region where slug = 'malopolskie'), 'Opis próbny',
                                now(), now()) returning id
                        """)
                .param("survey", surveyId)
                .param("topic", topic)
                .query(Long.class)
                .single();
    }

    void cleanUp(String prefix) {
        jdbc.sql("delete from surveys_need where topic like :p")
                .param("p", prefix + "%")
                .update();
        jdbc.sql("delete from event where title like :p")
                .param("p", prefix + "%")
                .update();
        jdbc.sql("delete from surveys_survey where title like :p")
                .param("p", prefix + "%")
                .update();
    }

    static long idOf(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
