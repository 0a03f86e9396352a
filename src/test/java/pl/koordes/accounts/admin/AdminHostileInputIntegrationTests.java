package pl.koordes.accounts.admin;

import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * The Big List of Naughty Strings typed into every field of the panel: searches, filters, dates and the
 * invitation form never give a server error, and what is stored comes back escaped.
 */
@IntegrationTest
class AdminHostileInputIntegrationTests {

    /** A few of the list's strings, for when the list itself is not beside the repository. */
    private static final List<String> FALLBACK = List.of(
            "<script>alert(123)</script>",
            "'; DROP TABLE account; --",
            "%",
            "_",
            "\\",
            "\u0000",
            "\uFEFF",
            "ŁĄKA Żółć",
            "\u202Etest",
            "${7*7}",
            "{{7*7}}",
            "=cmd|' /C calc'!A0",
            "1'; select pg_sleep(5); --",
            "../../../../etc/passwd",
            "%00",
            "0x0",
            "-1",
            "99999999999999999999",
            "Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳",
            "𝕿𝖍𝖊 𝖖𝖚𝖎𝖈𝖐",
            "田中さんにあげて下さい",
            "👨‍👩‍👦",
            "<img src=x onerror=alert(1)>",
            "\r\n\t");

    @LocalServerPort
    int port;

    SignedInClient admin;

    @BeforeEach
    void signIn() {
        admin = AdminSession.administrator(port);
    }

    @Test
    void searchesAndFiltersNeverFail() {
        SoftAssertions softly = new SoftAssertions();
        for (String line : naughtyStrings()) {
            String value = AdminSession.encode(line);
            for (String path : List.of(
                    "/admin/osoby?szukaj=" + value,
                    "/admin/osoby?rola=" + value + "&region=" + value + "&status=" + value + "&strona=" + value,
                    "/admin/dziennik?kto=" + value + "&akcja=" + value,
                    "/admin/dziennik?od=" + value + "&do=" + value + "&strona=" + value)) {
                HttpResponse<String> answer = admin.get(path);
                softly.assertThat(answer.statusCode()).as(path).isLessThan(500);
                softly.assertThat(answer.body()).as(path).doesNotContain("<script>", "<img src=x");
            }
            softly.assertThat(admin.get("/admin/dziennik.csv?kto=" + value).statusCode())
                    .as(line)
                    .isLessThan(500);
        }
        softly.assertAll();
    }

    @Test
    void theInvitationFormNeverFailsAndStoresNamesSafely() {
        admin.get("/admin/osoby/zapros");
        SoftAssertions softly = new SoftAssertions();
        List<String> lines = naughtyStrings();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            HttpResponse<String> asEverything = admin.post(
                    "/admin/osoby/zapros",
                    "email",
                    line,
                    "displayName",
                    line,
                    "language",
                    line,
                    "role",
                    line,
                    "region",
                    line);
            softly.assertThat(asEverything.statusCode())
                    .as("every field: " + line)
                    .isIn(302, 422);
            softly.assertThat(asEverything.body()).as(line).doesNotContain("<script>", "<img src=x");

            HttpResponse<String> asName = admin.post(
                    "/admin/osoby/zapros",
                    "email",
                    "naughty" + i + "@example.org",
                    "displayName",
                    line,
                    "language",
                    "pl",
                    "role",
                    "EXPERT",
                    "region",
                    "");
            softly.assertThat(asName.statusCode()).as("name: " + line).isIn(302, 422);
            if (asName.statusCode() == 302) {
                HttpResponse<String> person = admin.get(SignedInClient.location(asName));
                softly.assertThat(person.statusCode())
                        .as("person page: " + line)
                        .isEqualTo(200);
                softly.assertThat(person.body()).as(line).doesNotContain("<script>", "<img src=x");
            }
        }
        HttpResponse<String> list = admin.get("/admin/osoby?szukaj=naughty");
        softly.assertThat(list.statusCode()).isEqualTo(200);
        softly.assertThat(list.body()).doesNotContain("<script>", "<img src=x");
        HttpResponse<String> log = admin.get("/admin/dziennik?akcja=PERSON_INVITED");
        softly.assertThat(log.statusCode()).isEqualTo(200);
        softly.assertThat(log.body()).doesNotContain("<script>", "<img src=x");
        softly.assertThat(admin.get("/admin/dziennik.csv?akcja=PERSON_INVITED").statusCode())
                .isEqualTo(200);
        softly.assertAll();
    }

    @Test
    void roleFormsAndAddressesNeverFail() {
        String page = "/admin/osoby/1";
        admin.get(page);
        SoftAssertions softly = new SoftAssertions();
        for (String line : naughtyStrings()) {
            HttpResponse<String> grant = admin.post(page + "/role", "role", line, "region", line);
            softly.assertThat(grant.statusCode()).as(line).isIn(302, 422);
            HttpResponse<String> revoke = admin.post(page + "/role/odbierz", "role", line, "region", line);
            softly.assertThat(revoke.statusCode()).as(line).isEqualTo(302);
            // Following the redirect shows the refusal and uses up the flash message.
            softly.assertThat(admin.get(SignedInClient.location(revoke)).statusCode())
                    .as(line)
                    .isEqualTo(200);
            softly.assertThat(admin.get(
                                    "/admin/osoby/" + AdminSession.encode(line).replace("+", "%20"))
                            .statusCode())
                    .as(line)
                    .isLessThan(500);
        }
        softly.assertAll();
    }

    static List<String> naughtyStrings() {
        return NaughtyStrings.corpusAnd(FALLBACK);
    }
}
