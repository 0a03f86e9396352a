package pl.koordes.surveys;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Surveys with every type of question and answers stored exactly as the answering part stores them (one
 * {@code surveys_response} per answer, one {@code surveys_answer} row per chosen option, matrix row or value),
 * for the results tests. Every survey made here has a title starting with {@link #PREFIX}, so that
 * {@link #removeAll} takes them away again.
 */
final class ResultsTesting {

    static final String PREFIX = "Wyniki (test) ";

    private ResultsTesting() {}

    /** The ids of a survey with one question of every type (and a conditional one) in two sections. */
    record Built(
            long survey,
            long single,
            long yes,
            long no,
            long multiple,
            long a,
            long b,
            long c,
            long scale,
            long matrix,
            long row1,
            long row2,
            long number,
            long date,
            long shortText,
            long conditional) {}

    /**
     * A survey with two sections: (1) single choice Tak/Nie with "inna", multiple choice A/B/C with "inna", a
     * scale; (2) a matrix with two rows, a number, a date, a short text, and a long text shown only when "Tak".
     *
     * @param phase {@code OPEN}, {@code CLOSED} or {@code DRAFT}
     */
    static Built survey(
            JdbcClient jdbc, String title, String phase, String mode, boolean anonymous, String visibility) {
        String opens = phase.equals("CLOSED") ? "now() - interval '30 days'" : "now() - interval '1 day'";
        String closes = phase.equals("CLOSED") ? "now() - interval '1 day'" : "now() + interval '30 days'";
        long survey = jdbc.sql(
                        "insert into surveys_survey (title, published, opens_at, closes_at, response_mode, anonymous,"
                                + " results_visibility, audience_roles, link_token, created_at, updated_at) values (:title, :published, "
                                + opens + ", " + closes + ", :mode, :anonymous, :visibility,"
                                + " '{PARTICIPANT,REGIONAL_COORDINATOR,COMMITTEE_MEMBER}', :token, now(), now()) returning id")
                .param("title", PREFIX + title)
                .param("published", !phase.equals("DRAFT"))
                .param("mode", mode)
                .param("anonymous", anonymous)
                .param("visibility", visibility)
                .param("token", UUID.randomUUID().toString().replace("-", ""))
                .query(Long.class)
                .single();
        long first = section(jdbc, survey, 1, "Doradztwo");
        long second = section(jdbc, survey, 2, "Oceny i uwagi");
        long single = question(jdbc, survey, first, 1, "SINGLE_CHOICE", "Czy korzystacie z doradztwa?", true);
        long yes = option(jdbc, single, 1, "Tak");
        long no = option(jdbc, single, 2, "Nie");
        long multiple = question(jdbc, survey, first, 2, "MULTIPLE_CHOICE", "Jakie tematy?", true);
        long a = option(jdbc, multiple, 1, "Zamówienia");
        long b = option(jdbc, multiple, 2, "Reintegracja");
        long c = option(jdbc, multiple, 3, "Finanse");
        long scale = question(jdbc, survey, first, 3, "SCALE", "Jak oceniacie wsparcie?", false);
        jdbc.sql("update surveys_question set scale_min_label = 'źle', scale_max_label = 'dobrze' where id = :q")
                .param("q", scale)
                .update();
        long matrix = question(jdbc, survey, second, 1, "MATRIX", "Oceń obszary", false);
        long row1 = row(jdbc, matrix, 1, "Szkolenia");
        long row2 = row(jdbc, matrix, 2, "Doradztwo indywidualne");
        long number = question(jdbc, survey, second, 2, "NUMBER", "Ile osób zatrudniacie?", false);
        long date = question(jdbc, survey, second, 3, "DATE", "Kiedy planujecie szkolenie?", false);
        long shortText = question(jdbc, survey, second, 4, "SHORT_TEXT", "Czego brakuje?", false);
        long conditional = question(jdbc, survey, second, 5, "LONG_TEXT", "Opiszcie doradztwo", false);
        jdbc.sql("update surveys_question set condition_option_id = :o where id = :q")
                .param("o", yes)
                .param("q", conditional)
                .update();
        return new Built(
                survey,
                single,
                yes,
                no,
                multiple,
                a,
                b,
                c,
                scale,
                matrix,
                row1,
                row2,
                number,
                date,
                shortText,
                conditional);
    }

    /** One answer's values, written as the answering part stores them. */
    static final class Answer {
        final List<Object[]> rows = new ArrayList<>();

        Answer option(long question, long option) {
            rows.add(new Object[] {question, option, null, null, null, null, null});
            return this;
        }

        Answer other(long question, String text) {
            rows.add(new Object[] {question, null, null, null, text, null, null});
            return this;
        }

        Answer scale(long question, int value) {
            rows.add(new Object[] {question, null, null, value, null, null, null});
            return this;
        }

        Answer row(long question, long row, int value) {
            rows.add(new Object[] {question, null, row, value, null, null, null});
            return this;
        }

        Answer text(long question, String text) {
            return other(question, text);
        }

        Answer number(long question, String value) {
            rows.add(new Object[] {question, null, null, null, null, new BigDecimal(value), null});
            return this;
        }

        Answer date(long question, LocalDate value) {
            rows.add(new Object[] {question, null, null, null, null, null, value});
            return this;
        }
    }

    static Answer answer() {
        return new Answer();
    }

    /** Stores an answer and returns the response's id. */
    static long respond(
            JdbcClient jdbc,
            long survey,
            String status,
            @Nullable Long accountId,
            @Nullable Long institutionId,
            @Nullable String regionSlug,
            @Nullable String kind,
            Answer answer) {
        long response = jdbc.sql("""
                        insert into surveys_response (survey_id, account_id, institution_id, region_id, institution_kind,
                                                      status, submitted_on, submitted_at, created_at, updated_at)
                        values (:survey, :account, :institution, (select id from region where slug = :region), :kind,
                                :status, case when :status = 'SUBMITTED' then current_date end,
                                case when :status = 'SUBMITTED' then now() end, now(), now()) returning id
                        """)
                .param("survey", survey)
                .param("account", accountId)
                .param("institution", institutionId)
                .param("region", regionSlug)
                .param("kind", kind)
                .param("status", status)
                .query(Long.class)
                .single();
        for (Object[] row : answer.rows) {
            jdbc.sql("""
                            insert into surveys_answer (response_id, question_id, option_id, matrix_row_id, scale_value,
                                                        text_value, number_value, date_value)
                            values (:response, :question, :option, :row, :scale, :text, :number, :date)
                            """)
                    .param("response", response)
                    .param("question", row[0])
                    .param("option", row[1])
                    .param("row", row[2])
                    .param("scale", row[3])
                    .param("text", row[4])
                    .param("number", row[5])
                    .param("date", row[6])
                    .update();
        }
        return response;
    }

    /** The known data set: four submitted answers (two regions, two kinds) and a draft that must never count. */
    static void knownAnswers(JdbcClient jdbc, Built s) {
        respond(
                jdbc,
                s.survey(),
                "SUBMITTED",
                null,
                null,
                "malopolskie",
                "OWES",
                answer().option(s.single(), s.yes())
                        .option(s.multiple(), s.a())
                        .option(s.multiple(), s.b())
                        .scale(s.scale(), 5)
                        .row(s.matrix(), s.row1(), 4)
                        .row(s.matrix(), s.row2(), 2)
                        .number(s.number(), "10")
                        .date(s.date(), LocalDate.of(2026, 1, 15))
                        .text(s.shortText(), "Szkolenia z zamówień publicznych")
                        .text(s.conditional(), "Więcej doradztwa prawnego"));
        respond(
                jdbc,
                s.survey(),
                "SUBMITTED",
                null,
                null,
                "malopolskie",
                "NGO",
                answer().option(s.single(), s.yes())
                        .option(s.multiple(), s.a())
                        .scale(s.scale(), 3)
                        .row(s.matrix(), s.row1(), 5)
                        .number(s.number(), "20")
                        .date(s.date(), LocalDate.of(2026, 1, 20))
                        .text(s.shortText(), "ŁĄCZENIE źródeł finansowania")
                        .text(s.conditional(), "Doradztwo księgowe"));
        respond(
                jdbc,
                s.survey(),
                "SUBMITTED",
                null,
                null,
                "slaskie",
                "OWES",
                answer().option(s.single(), s.no())
                        .option(s.multiple(), s.c())
                        .other(s.multiple(), "Ekonomia społeczna w gminie")
                        .scale(s.scale(), 4)
                        .row(s.matrix(), s.row1(), 3)
                        .row(s.matrix(), s.row2(), 4)
                        .number(s.number(), "30")
                        .date(s.date(), LocalDate.of(2026, 3, 1)));
        respond(
                jdbc,
                s.survey(),
                "SUBMITTED",
                null,
                null,
                "slaskie",
                "OWES",
                answer().other(s.single(), "Czasami").scale(s.scale(), 1).number(s.number(), "40.5"));
        respond(
                jdbc,
                s.survey(),
                "DRAFT",
                null,
                null,
                "slaskie",
                "OWES",
                answer().option(s.single(), s.no())
                        .scale(s.scale(), 5)
                        .number(s.number(), "1000")
                        .text(s.shortText(), "Szkic, którego nie widać"));
    }

    static void removeAll(JdbcClient jdbc) {
        jdbc.sql("delete from surveys_survey where title like :prefix")
                .param("prefix", PREFIX + "%")
                .update();
    }

    static long account(JdbcClient jdbc, String email) {
        return jdbc.sql("select id from account where email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    static long regionalCentre(JdbcClient jdbc, String slug) {
        return jdbc.sql("""
                        select min(i.id) from institution i join region r on r.id = i.region_id
                        where i.kind = 'ROPS' and r.slug = :slug
                        """).param("slug", slug).query(Long.class).single();
    }

    private static long section(JdbcClient jdbc, long survey, int position, String title) {
        return jdbc.sql("insert into surveys_section (survey_id, position, title) values (:s, :p, :t) returning id")
                .param("s", survey)
                .param("p", position)
                .param("t", title)
                .query(Long.class)
                .single();
    }

    static long question(
            JdbcClient jdbc, long survey, long section, int position, String type, String text, boolean other) {
        return jdbc.sql("""
                        insert into surveys_question (survey_id, section_id, position, type, text, other_option)
                        values (:s, :sec, :p, :type, :text, :other) returning id
                        """)
                .param("s", survey)
                .param("sec", section)
                .param("p", position)
                .param("type", type)
                .param("text", text)
                .param("other", other)
                .query(Long.class)
                .single();
    }

    static long option(JdbcClient jdbc, long question, int position, String label) {
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
