package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.surveys.ResultsTesting.Built;

/**
 * The results page counts a known data set of every question type correctly (shares, means, medians, months,
 * typed answers, conditional questions), never counts drafts, narrows down by region and kind of institution,
 * compares regions and kinds, finds typed answers whatever their case and accents, and shows the results only
 * to whom the survey lets see them.
 */
@IntegrationTest
class ResultsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeSurveys() {
        ResultsTesting.removeAll(jdbc);
    }

    @Test
    void countsEveryTypeOfQuestionFromSubmittedAnswersOnly() {
        Built s = ResultsTesting.survey(jdbc, "wszystkie typy", "CLOSED", "PERSON", false, "PUBLIC");
        ResultsTesting.knownAnswers(jdbc, s);

        HttpResponse<String> page = new Http(port).get("/ankiety/" + s.survey() + "/wyniki");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("<dd id=\"answers-count\">4 odpowiedzi</dd>").contains("Zamknięta");
        assertThat(body.indexOf("<h2 id=\"sekcja-")).isLessThan(body.indexOf("Czy korzystacie z doradztwa?"));

        String single = question(body, s.single());
        assertThat(single).contains("4 odpowiedzi");
        assertThat(cell(single, "Tak")).isEqualTo("50% (wybrano 2 razy)");
        assertThat(cell(single, "Nie")).isEqualTo("25% (wybrano 1 raz)");
        assertThat(cell(single, "Inna (jaka?)")).isEqualTo("25% (wybrano 1 raz)");
        assertThat(single).contains("Czasami");

        String multiple = question(body, s.multiple());
        assertThat(multiple).contains("3 odpowiedzi").contains("nie sumują się do 100%");
        assertThat(cell(multiple, "Zamówienia")).isEqualTo("66,7% (wybrano 2 razy)");
        assertThat(cell(multiple, "Reintegracja")).isEqualTo("33,3% (wybrano 1 raz)");
        assertThat(cell(multiple, "Finanse")).isEqualTo("33,3% (wybrano 1 raz)");
        assertThat(cell(multiple, "Inna (jaka?)")).isEqualTo("33,3% (wybrano 1 raz)");
        assertThat(multiple).contains("Ekonomia społeczna w gminie");

        String scale = question(body, s.scale());
        assertThat(cell(scale, "1 — źle")).isEqualTo("25% (wybrano 1 raz)");
        assertThat(cell(scale, "2")).isEqualTo("0% (nikt nie wybrał)");
        assertThat(cell(scale, "5 — dobrze")).isEqualTo("25% (wybrano 1 raz)");
        assertThat(fact(scale, "Średnia")).isEqualTo("3,25");

        String matrix = question(body, s.matrix());
        assertThat(matrix)
                .containsPattern(
                        "<th scope=\"row\">Szkolenia</th>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">0</td>"
                                + "\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">1</td>"
                                + "\\s*<td class=\"num\">3</td>\\s*<td class=\"num\">4</td>")
                .containsPattern("<th scope=\"row\">Doradztwo indywidualne</th>(\\s*<td class=\"num\">\\d</td>){5}"
                        + "\\s*<td class=\"num\">2</td>\\s*<td class=\"num\">3</td>");

        String number = question(body, s.number());
        assertThat(fact(number, "Liczba odpowiedzi")).isEqualTo("4");
        assertThat(fact(number, "Średnia")).isEqualTo("25,13");
        assertThat(fact(number, "Mediana")).isEqualTo("25");
        assertThat(fact(number, "Najmniejsza")).isEqualTo("10");
        assertThat(fact(number, "Największa")).isEqualTo("40,5");

        String date = question(body, s.date());
        assertThat(fact(date, "Najwcześniejsza")).isEqualTo("15.01.2026");
        assertThat(fact(date, "Najpóźniejsza")).isEqualTo("01.03.2026");
        assertThat(cell(date, "01.2026")).isEqualTo("2\u00a0odp.");
        assertThat(cell(date, "03.2026")).isEqualTo("1\u00a0odp.");

        String text = question(body, s.shortText());
        assertThat(text).contains("2 wpisane odpowiedzi").contains("Szkolenia z zamówień publicznych");
        assertThat(text).contains("/ankiety/" + s.survey() + "/wyniki/teksty?pytanie=" + s.shortText());

        String conditional = question(body, s.conditional());
        assertThat(conditional).contains("pytanie warunkowe: wyświetlone w 2 odpowiedziach");

        assertThat(body).doesNotContain("Szkic, którego nie widać").doesNotContain("1000");
        // Operators only: the link to record a need from an answer.
        assertThat(body).doesNotContain("Oznacz jako potrzebę");
    }

    @Test
    void filtersByRegionAndKindAndComparesThem() {
        Built s = ResultsTesting.survey(jdbc, "filtry", "CLOSED", "PERSON", false, "PUBLIC");
        ResultsTesting.knownAnswers(jdbc, s);
        Http http = new Http(port);
        String base = "/ankiety/" + s.survey() + "/wyniki";

        String slaskie = http.get(base + "?wojewodztwo=slaskie").body();
        assertThat(slaskie).contains("<dd id=\"answers-count\">2 odpowiedzi</dd>");
        String single = question(slaskie, s.single());
        assertThat(cell(single, "Tak")).isEqualTo("0% (nikt nie wybrał)");
        assertThat(cell(single, "Nie")).isEqualTo("50% (wybrano 1 raz)");
        assertThat(cell(single, "Inna (jaka?)")).isEqualTo("50% (wybrano 1 raz)");
        assertThat(slaskie).contains("<option value=\"slaskie\" selected>");

        assertThat(http.get(base + "?rodzaj=NGO").body()).contains("<dd id=\"answers-count\">1 odpowiedź</dd>");
        assertThat(http.get(base + "?rodzaj=OWES&wojewodztwo=malopolskie").body())
                .contains("<dd id=\"answers-count\">1 odpowiedź</dd>");
        // Unknown values are ignored: every answer counts.
        assertThat(http.get(base + "?rodzaj=%3Cscript%3E&wojewodztwo=atlantyda").body())
                .contains("<dd id=\"answers-count\">4 odpowiedzi</dd>");

        String kinds = question(http.get(base + "?porownaj=rodzaje").body(), s.single());
        assertThat(kinds)
                .containsPattern("<th scope=\"row\">Ośrodek wsparcia ekonomii społecznej</th>\\s*"
                        + "<td class=\"num\">33,3% \\(1\\)</td>\\s*<td class=\"num\">33,3% \\(1\\)</td>\\s*"
                        + "<td class=\"num\">33,3% \\(1\\)</td>\\s*<td class=\"num\">3</td>")
                .containsPattern(
                        "<th scope=\"row\">Organizacja pozarządowa \\(fundacja, stowarzyszenie i inne\\)</th>\\s*"
                                + "<td class=\"num\">100% \\(1\\)</td>");

        String regions = question(http.get(base + "?porownaj=wojewodztwa").body(), s.scale());
        assertThat(regions)
                .containsPattern(
                        "<th scope=\"row\">małopolskie</th>\\s*<td class=\"num\">0% \\(0\\)</td>\\s*"
                                + "<td class=\"num\">0% \\(0\\)</td>\\s*<td class=\"num\">50% \\(1\\)</td>\\s*"
                                + "<td class=\"num\">0% \\(0\\)</td>\\s*<td class=\"num\">50% \\(1\\)</td>\\s*<td class=\"num\">2</td>")
                .containsPattern("<th scope=\"row\">śląskie</th>\\s*<td class=\"num\">50% \\(1\\)</td>")
                .doesNotContain("<th scope=\"row\">opolskie</th>");
    }

    @Test
    void typedAnswersAreListedAndFoundWhateverTheirCaseAndAccents() {
        Built s = ResultsTesting.survey(jdbc, "teksty", "OPEN", "PERSON", false, "PUBLIC");
        ResultsTesting.knownAnswers(jdbc, s);
        Http http = new Http(port);
        String base = "/ankiety/" + s.survey() + "/wyniki/teksty?pytanie=" + s.shortText();

        String all = http.get(base).body();
        assertThat(all)
                .contains("2 wpisane odpowiedzi.")
                .contains("Szkolenia z zamówień publicznych")
                .contains("ŁĄCZENIE źródeł finansowania")
                .doesNotContain("Szkic, którego nie widać");

        String found = http.get(base + "&q=lacz").body();
        assertThat(found).contains("1 odpowiedź zawiera „lacz”.").contains("ŁĄCZENIE źródeł finansowania");
        assertThat(found).doesNotContain("Szkolenia z zamówień publicznych");
        assertThat(http.get(base + "&q=ZAMOWIEN").body()).contains("Szkolenia z zamówień publicznych");
        assertThat(http.get(base + "&q=%25").body()).contains("Żadna odpowiedź nie zawiera „%”.");
        assertThat(http.get(base + "&wojewodztwo=slaskie").body()).contains("Brak wpisanych odpowiedzi.");

        // "Inna (jaka?)" of a choice question is listed too; a question with no typed answers is not there.
        assertThat(http.get("/ankiety/" + s.survey() + "/wyniki/teksty?pytanie=" + s.multiple())
                        .body())
                .contains("Ekonomia społeczna w gminie");
        assertThat(http.get("/ankiety/" + s.survey() + "/wyniki/teksty?pytanie=" + s.scale())
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/ankiety/" + s.survey() + "/wyniki/teksty?pytanie=abc")
                        .statusCode())
                .isEqualTo(404);
        Built other = ResultsTesting.survey(jdbc, "inna ankieta", "OPEN", "PERSON", false, "PUBLIC");
        assertThat(http.get("/ankiety/" + other.survey() + "/wyniki/teksty?pytanie=" + s.shortText())
                        .statusCode())
                .as("a question of another survey")
                .isEqualTo(404);
    }

    @Test
    void operatorsSeeEveryResultAndMarkTypedAnswersAsNeeds() {
        Built s = ResultsTesting.survey(jdbc, "operator", "CLOSED", "PERSON", false, "OPERATORS");
        ResultsTesting.knownAnswers(jdbc, s);
        SignedInClient editor = new SignedInClient(port, "127.0.27.1");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);

        HttpResponse<String> page = editor.get("/ankiety/" + s.survey() + "/wyniki");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/potrzeby/nowa?ankieta=" + s.survey() + "&amp;odpowiedz=");
        HttpResponse<String> texts = editor.get("/ankiety/" + s.survey() + "/wyniki/teksty?pytanie=" + s.shortText());
        assertThat(texts.body()).contains("Oznacz jako potrzebę").contains("&amp;pytanie=" + s.shortText());

        Built draft = ResultsTesting.survey(jdbc, "szkic", "DRAFT", "PERSON", false, "PUBLIC");
        assertThat(editor.get("/ankiety/" + draft.survey() + "/wyniki").statusCode())
                .isEqualTo(200);
        assertThat(new Http(port).get("/ankiety/" + draft.survey() + "/wyniki").statusCode())
                .as("a draft does not exist for a visitor")
                .isEqualTo(404);
        assertThat(new Http(port).get("/ankiety/999999999/wyniki").statusCode()).isEqualTo(404);
    }

    @Test
    void resultsForRespondentsAreSeenByThoseWhoAnsweredOnly() {
        Built s = ResultsTesting.survey(jdbc, "dla respondentów", "OPEN", "PERSON", false, "RESPONDENTS");
        ResultsTesting.knownAnswers(jdbc, s);
        String path = "/ankiety/" + s.survey() + "/wyniki";

        HttpResponse<String> visitor = new Http(port).get(path);
        assertThat(visitor.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(visitor)).startsWith("/logowanie");

        SignedInClient participant = new SignedInClient(port, "127.0.27.2");
        participant.signInFully(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD, null);
        assertThat(participant.get(path).statusCode()).isEqualTo(403);
        assertThat(participant.get(path + ".csv").statusCode()).isEqualTo(403);

        long account = ResultsTesting.account(jdbc, DemoAccounts.PARTICIPANT);
        // A draft is not an answer.
        long draft = ResultsTesting.respond(
                jdbc,
                s.survey(),
                "DRAFT",
                account,
                null,
                null,
                "OTHER",
                ResultsTesting.answer().scale(s.scale(), 2));
        assertThat(participant.get(path).statusCode()).isEqualTo(403);
        jdbc.sql("delete from surveys_response where id = :id")
                .param("id", draft)
                .update();
        ResultsTesting.respond(
                jdbc,
                s.survey(),
                "SUBMITTED",
                account,
                null,
                null,
                "OTHER",
                ResultsTesting.answer().scale(s.scale(), 2));
        HttpResponse<String> seen = participant.get(path);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).contains("<dd id=\"answers-count\">5 odpowiedzi</dd>");

        // An anonymous survey: taking part (the participation row) is what counts.
        Built anonymous = ResultsTesting.survey(jdbc, "anonimowa", "OPEN", "PERSON", true, "RESPONDENTS");
        assertThat(participant.get("/ankiety/" + anonymous.survey() + "/wyniki").statusCode())
                .isEqualTo(403);
        jdbc.sql("insert into surveys_participation (survey_id, account_id) values (:s, :a)")
                .param("s", anonymous.survey())
                .param("a", account)
                .update();
        assertThat(participant.get("/ankiety/" + anonymous.survey() + "/wyniki").statusCode())
                .isEqualTo(200);

        Built operators = ResultsTesting.survey(jdbc, "dla operatora", "CLOSED", "PERSON", false, "OPERATORS");
        ResultsTesting.respond(
                jdbc, operators.survey(), "SUBMITTED", account, null, null, "OTHER", ResultsTesting.answer());
        assertThat(participant.get("/ankiety/" + operators.survey() + "/wyniki").statusCode())
                .as("results for the operator only, even to those who answered")
                .isEqualTo(403);
        assertThat(participant
                        .get("/ankiety/" + operators.survey() + "/wyniki.xlsx")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anInstitutionsAnswerLetsItsPeopleSeeTheResultsButNotAnotherRegions() {
        Built s = ResultsTesting.survey(jdbc, "instytucje", "CLOSED", "INSTITUTION", false, "RESPONDENTS");
        ResultsTesting.respond(
                jdbc,
                s.survey(),
                "SUBMITTED",
                ResultsTesting.account(jdbc, DemoAccounts.COORDINATOR_MALOPOLSKIE),
                ResultsTesting.regionalCentre(jdbc, "malopolskie"),
                "malopolskie",
                "ROPS",
                ResultsTesting.answer().option(s.single(), s.yes()));
        String path = "/ankiety/" + s.survey() + "/wyniki";

        SignedInClient own = new SignedInClient(port, "127.0.27.3");
        own.signInFully(DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        HttpResponse<String> seen = own.get(path);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).contains("Odpowiedziało 1 z 16 regionalnych ośrodków polityki społecznej.");
        assertThat(cell(seen.body(), "małopolskie")).isEqualTo("100% (odpowiedź wysłana)");
        assertThat(cell(seen.body(), "śląskie")).isEqualTo("0% (brak odpowiedzi)");

        SignedInClient other = new SignedInClient(port, "127.0.27.4");
        other.signInFully(DemoAccounts.COORDINATOR_SLASKIE, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        assertThat(other.get(path).statusCode()).isEqualTo(403);
        assertThat(other.get(path + ".csv").statusCode()).isEqualTo(403);
    }

    /** The part of the page showing one question's results. */
    static String question(String body, long questionId) {
        int start = body.indexOf("id=\"pytanie-" + questionId + "-wynik\"");
        assertThat(start).as("question " + questionId + " on the page").isPositive();
        return body.substring(start, body.indexOf("</article>", start));
    }

    /** The value beside a row's name in a table of the part. */
    static String cell(String part, String name) {
        Matcher m = Pattern.compile("<th scope=\"row\">" + Pattern.quote(name) + "</th>\\s*<td[^>]*>([^<]*)</td>")
                .matcher(part);
        assertThat(m.find()).as("a row named " + name).isTrue();
        return m.group(1);
    }

    /** The value of a term in the part's list of facts. */
    static String fact(String part, String name) {
        Matcher m = Pattern.compile("<dt>" + Pattern.quote(name) + "</dt><dd>([^<]*)</dd>")
                .matcher(part);
        assertThat(m.find()).as("a fact named " + name).isTrue();
        return m.group(1);
    }
}
