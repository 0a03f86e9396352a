package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;

/** Builds surveys through the builder's forms as the demo editor, for the builder's tests. */
final class BuilderTesting {

    private final SignedInClient editor;
    private final JdbcClient jdbc;

    BuilderTesting(int port, String address, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.editor = new SignedInClient(port, address);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
    }

    SignedInClient client() {
        return editor;
    }

    /** A new survey through the form; its id. */
    long survey(String title) {
        editor.get("/ankiety/obsluga/nowa");
        HttpResponse<String> answer = editor.post("/ankiety/obsluga/nowa", "title", title, "description", "Opis");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        follow(answer);
        return lastNumber(SignedInClient.location(answer));
    }

    /** A new section at the end of the survey; its id. */
    long section(long survey, String title) {
        editor.get("/ankiety/obsluga/" + survey);
        HttpResponse<String> answer =
                editor.post("/ankiety/obsluga/" + survey + "/sekcje", "sectionTitle", title, "sectionDescription", "");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        follow(answer);
        return jdbc.sql("select max(id) from surveys_section where survey_id = :s")
                .param("s", survey)
                .query(Long.class)
                .single();
    }

    /** Posts the new question form with these fields (type, text and section given); the answer. */
    HttpResponse<String> postQuestion(long survey, long section, String type, String text, String... more) {
        editor.get("/ankiety/obsluga/" + survey + "/pytania/nowe?sekcja=" + section);
        List<String> fields =
                new ArrayList<>(List.of("type", type, "questionText", text, "sectionId", String.valueOf(section)));
        fields.addAll(List.of(more));
        return editor.post("/ankiety/obsluga/" + survey + "/pytania/nowe", fields.toArray(String[]::new));
    }

    /** A new question; its id. */
    long question(long survey, long section, String type, String text, String... more) {
        HttpResponse<String> answer = postQuestion(survey, section, type, text, more);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        String location = follow(answer);
        return Long.parseLong(location.substring(location.indexOf("#pytanie-") + "#pytanie-".length()));
    }

    /**
     * Follows a redirect as a browser does, so that the notice it carries is shown (and used up) there.
     *
     * @return the redirect's address
     */
    String follow(HttpResponse<String> answer) {
        String location = SignedInClient.location(answer);
        editor.get(location.replaceAll("#.*$", ""));
        return location;
    }

    /** The id of the option with this label of the question. */
    long option(long question, String label) {
        return jdbc.sql("select id from surveys_option where question_id = :q and label = :l")
                .param("q", question)
                .param("l", label)
                .query(Long.class)
                .single();
    }

    /** The survey's question ids in the order respondents see them. */
    List<Long> order(long survey) {
        return jdbc.sql("""
                        select q.id from surveys_question q join surveys_section s on s.id = q.section_id
                        where q.survey_id = :s order by s.position, s.id, q.position, q.id
                        """).param("s", survey).query(Long.class).list();
    }

    int audited(String action, long survey) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :t")
                .param("a", action)
                .param("t", String.valueOf(survey))
                .query(Integer.class)
                .single();
    }

    void delete(List<Long> surveys) {
        if (!surveys.isEmpty()) {
            jdbc.sql("delete from surveys_survey where id in (:ids)")
                    .param("ids", surveys)
                    .update();
        }
    }

    /** A response of nobody in particular to the survey, with the status given; its id. */
    long response(long survey, String status) {
        return jdbc.sql("""
                        insert into surveys_response (survey_id, status, submitted_on, created_at, updated_at)
                        values (:s, :status, case when :status = 'SUBMITTED' then current_date end, now(), now())
                        returning id
                        """)
                .param("s", survey)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    static long lastNumber(String location) {
        String path = location.replaceAll("#.*$", "");
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }
}
