package pl.koordes.surveys;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;

/**
 * Surveys the answering tests make for themselves: every question type, a conditional question, settings as
 * each test needs them. Deleted by {@link #delete} (answers and participation cascade).
 */
final class AnsweringTesting {

    private AnsweringTesting() {}

    /** The settings of a test survey; the defaults: open, per person, participants, not anonymous. */
    record Settings(
            String mode,
            boolean anonymous,
            String roles,
            String regions,
            String kinds,
            boolean link,
            boolean allowChanges,
            String visibility,
            int opensHoursFromNow,
            int closesHoursFromNow,
            boolean published) {

        static Settings open() {
            return new Settings(
                    "PERSON", false, "{PARTICIPANT}", "{}", "{}", false, true, "RESPONDENTS", -24, 24 * 7, true);
        }

        Settings mode(String value) {
            return new Settings(
                    value,
                    anonymous,
                    roles,
                    regions,
                    kinds,
                    link,
                    allowChanges,
                    visibility,
                    opensHoursFromNow,
                    closesHoursFromNow,
                    published);
        }

        Settings secret() {
            return new Settings(
                    mode,
                    true,
                    roles,
                    regions,
                    kinds,
                    link,
                    false,
                    visibility,
                    opensHoursFromNow,
                    closesHoursFromNow,
                    published);
        }

        Settings roles(String value) {
            return new Settings(
                    mode,
                    anonymous,
                    value,
                    regions,
                    kinds,
                    link,
                    allowChanges,
                    visibility,
                    opensHoursFromNow,
                    closesHoursFromNow,
                    published);
        }

        Settings regions(String value) {
            return new Settings(
                    mode,
                    anonymous,
                    roles,
                    value,
                    kinds,
                    link,
                    allowChanges,
                    visibility,
                    opensHoursFromNow,
                    closesHoursFromNow,
                    published);
        }

        Settings kinds(String value) {
            return new Settings(
                    mode,
                    anonymous,
                    roles,
                    regions,
                    value,
                    link,
                    allowChanges,
                    visibility,
                    opensHoursFromNow,
                    closesHoursFromNow,
                    published);
        }

        Settings withLink() {
            return new Settings(
                    mode,
                    anonymous,
                    roles,
                    regions,
                    kinds,
                    true,
                    allowChanges,
                    visibility,
                    opensHoursFromNow,
                    closesHoursFromNow,
                    published);
        }

        Settings closed() {
            return new Settings(
                    mode, anonymous, roles, regions, kinds, link, allowChanges, visibility, -48, -24, published);
        }

        Settings scheduled() {
            return new Settings(
                    mode, anonymous, roles, regions, kinds, link, allowChanges, visibility, 24, 48, published);
        }

        Settings unpublished() {
            return new Settings(
                    mode,
                    anonymous,
                    roles,
                    regions,
                    kinds,
                    link,
                    allowChanges,
                    visibility,
                    opensHoursFromNow,
                    closesHoursFromNow,
                    false);
        }
    }

    /**
     * A test survey's ids.
     *
     * @param single required single choice (options a, b; "inna"); {@code conditional} shows when {@code a}
     * @param multiple multiple choice (options x, y; "inna")
     * @param scale required scale
     * @param matrix required matrix with rows r1, r2
     * @param conditional required short text shown only when {@code a} is chosen
     */
    record Made(
            long survey,
            String token,
            long single,
            long a,
            long b,
            long multiple,
            long x,
            long y,
            long scale,
            long matrix,
            long r1,
            long r2,
            long conditional,
            long longText,
            long number,
            long date) {

        String path() {
            return "/ankiety/" + survey;
        }
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static Made survey(JdbcClient jdbc, String title, Settings settings) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = UUID.randomUUID().toString().replace("-", "");
        long survey = jdbc.sql("""
                        insert into surveys_survey (title, description, published, opens_at, closes_at, response_mode,
                            anonymous, results_visibility, allow_changes, audience_roles, audience_regions, audience_kinds,
                            audience_link, link_token, created_at, updated_at, published_at)
                        values (:title, 'Ankieta do testów odpowiadania.', :published, :opens, :closes, :mode, :anonymous,
                            :visibility, :changes, cast(:roles as text[]), cast(:regions as bigint[]),
                            cast(:kinds as text[]), :link, :token, now(), now(), now())
                        returning id""")
                .param("title", title)
                .param("published", settings.published())
                .param("opens", Timestamp.from(now.plus(settings.opensHoursFromNow(), ChronoUnit.HOURS)))
                .param("closes", Timestamp.from(now.plus(settings.closesHoursFromNow(), ChronoUnit.HOURS)))
                .param("mode", settings.mode())
                .param("anonymous", settings.anonymous())
                .param("visibility", settings.visibility())
                .param("changes", settings.allowChanges())
                .param("roles", settings.roles())
                .param("regions", settings.regions())
                .param("kinds", settings.kinds())
                .param("link", settings.link())
                .param("token", token)
                .query(Long.class)
                .single();
        long first = section(jdbc, survey, 0, "Twoja instytucja");
        long second = section(jdbc, survey, 1, "Potrzeby");
        long single = question(jdbc, survey, first, 0, "SINGLE_CHOICE", "Czy prowadzicie doradztwo?", true, true, null);
        long a = option(jdbc, single, 0, "Tak, prowadzimy");
        long b = option(jdbc, single, 1, "Nie prowadzimy");
        long multiple = question(jdbc, survey, first, 1, "MULTIPLE_CHOICE", "Jakie formy wsparcia?", false, true, null);
        long x = option(jdbc, multiple, 0, "Szkolenia");
        long y = option(jdbc, multiple, 1, "Doradztwo indywidualne");
        long scale = question(jdbc, survey, first, 2, "SCALE", "Jak oceniasz dostęp do doradztwa?", true, false, null);
        jdbc.sql("update surveys_question set scale_min_label = 'bardzo źle', scale_max_label = 'bardzo dobrze'"
                        + " where id = :id")
                .param("id", scale)
                .update();
        long matrix = question(jdbc, survey, second, 0, "MATRIX", "Jak ważne są tematy?", true, false, null);
        long r1 = row(jdbc, matrix, 0, "Księgowość");
        long r2 = row(jdbc, matrix, 1, "Marketing");
        long conditional = question(jdbc, survey, second, 1, "SHORT_TEXT", "Kto prowadzi doradztwo?", true, false, a);
        long longText = question(jdbc, survey, second, 2, "LONG_TEXT", "Czego brakuje?", false, false, null);
        jdbc.sql("update surveys_question set help = 'Opisz krótko najważniejsze braki.' where id = :id")
                .param("id", longText)
                .update();
        long number = question(jdbc, survey, second, 3, "NUMBER", "Ile osób potrzebuje wsparcia?", false, false, null);
        long date = question(jdbc, survey, second, 4, "DATE", "Od kiedy?", false, false, null);
        return new Made(
                survey,
                token,
                single,
                a,
                b,
                multiple,
                x,
                y,
                scale,
                matrix,
                r1,
                r2,
                conditional,
                longText,
                number,
                date);
    }

    /** A survey of one section with this many short text questions (for statement counts). */
    static long textSurvey(JdbcClient jdbc, String title, int questions) {
        Made made = survey(jdbc, title, Settings.open());
        long section = section(jdbc, made.survey(), 2, "Dodatkowe");
        for (int i = 0; i < questions; i++) {
            long q = question(
                    jdbc,
                    made.survey(),
                    section,
                    i,
                    i % 2 == 0 ? "SINGLE_CHOICE" : "MATRIX",
                    "Pytanie dodatkowe " + i,
                    false,
                    false,
                    null);
            if (i % 2 == 0) {
                option(jdbc, q, 0, "Pierwsza");
                option(jdbc, q, 1, "Druga");
            } else {
                row(jdbc, q, 0, "Wiersz");
            }
        }
        return made.survey();
    }

    /** Every answer of a complete, valid submission (a chosen, so the conditional question is answered). */
    static List<String> complete(Made made) {
        return new ArrayList<>(List.of(
                "q" + made.single(),
                Long.toString(made.a()),
                "q" + made.multiple(),
                Long.toString(made.x()),
                "q" + made.multiple(),
                "inna",
                "q" + made.multiple() + "-inna",
                "Mentoring",
                "q" + made.scale(),
                "4",
                "q" + made.matrix() + "-r" + made.r1(),
                "5",
                "q" + made.matrix() + "-r" + made.r2(),
                "2",
                "q" + made.conditional(),
                "ROPS",
                "q" + made.longText(),
                "Doradców w powiatach.",
                "q" + made.number(),
                "12,5",
                "q" + made.date(),
                "2026-09-01",
                "wojewodztwo",
                "",
                "rodzaj",
                ""));
    }

    /** The pairs with a name's value replaced (the first occurrence). */
    static List<String> with(List<String> pairs, String name, String value) {
        List<String> copy = new ArrayList<>(pairs);
        for (int i = 0; i + 1 < copy.size(); i += 2) {
            if (copy.get(i).equals(name)) {
                copy.set(i + 1, value);
                return copy;
            }
        }
        copy.add(name);
        copy.add(value);
        return copy;
    }

    static void delete(JdbcClient jdbc, long survey) {
        jdbc.sql("delete from surveys_survey where id = :id")
                .param("id", survey)
                .update();
    }

    static long region(JdbcClient jdbc, String slug) {
        return jdbc.sql("select id from region where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .single();
    }

    static long account(JdbcClient jdbc, String email) {
        return jdbc.sql("select id from account where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    /** A demo account signed in fully from this loopback address. */
    static SignedInClient signedIn(JdbcClient jdbc, int port, String email, String address) {
        boolean secondFactor = email.startsWith("koordynator") || email.startsWith("administrator");
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        SignedInClient client = new SignedInClient(port, address);
        client.signInFully(email, DemoAccounts.PASSWORD, secondFactor ? DemoAccounts.TOTP_SECRET : null);
        return client;
    }

    static String[] pairs(List<String> list) {
        return list.toArray(String[]::new);
    }

    private static long section(JdbcClient jdbc, long survey, int position, String title) {
        return jdbc.sql("""
                        insert into surveys_section (survey_id, position, title) values (:s, :p, :t) returning id""")
                .param("s", survey)
                .param("p", position)
                .param("t", title)
                .query(Long.class)
                .single();
    }

    private static long question(
            JdbcClient jdbc,
            long survey,
            long section,
            int position,
            String type,
            String text,
            boolean required,
            boolean other,
            @Nullable Long condition) {
        return jdbc.sql("""
                        insert into surveys_question (survey_id, section_id, position, type, text, required, other_option,
                            condition_option_id)
                        values (:s, :sec, :p, :type, :text, :req, :other, :cond) returning id""")
                .param("s", survey)
                .param("sec", section)
                .param("p", position)
                .param("type", type)
                .param("text", text)
                .param("req", required)
                .param("other", other)
                .param("cond", condition, Types.BIGINT)
                .query(Long.class)
                .single();
    }

    private static long option(JdbcClient jdbc, long question, int position, String label) {
        return jdbc.sql("insert into surveys_option (question_id, position, label) values (:q, :p, :l) returning id")
                .param("q", question)
                .param("p", position)
                .param("l", label)
                .query(Long.class)
                .single();
    }

    private static long row(JdbcClient jdbc, long question, int position, String label) {
        return jdbc.sql(
                        "insert into surveys_matrix_row (question_id, position, label) values (:q, :p, :l) returning id")
                .param("q", question)
                .param("p", position)
                .param("l", label)
                .query(Long.class)
                .single();
    }
}
