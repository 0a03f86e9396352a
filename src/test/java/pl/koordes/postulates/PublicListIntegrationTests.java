package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The public list of postulates as a reader uses it: each filter shows exactly the postulates the database
 * holds for it, in pages of 20 with the count written out, drafts never (not even to their own region), and
 * any address typed by hand answers a page, never a server error.
 */
@IntegrationTest
class PublicListIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeGenerated() {
        PublicTesting.removeGenerated(jdbc);
    }

    private HttpResponse<String> get(String path) {
        return new SignedInClient(port, "127.0.20.10").get(path);
    }

    /** The ids on every page of the list with these filters, following its "next" links. */
    private List<Long> allIds(String query) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; page < 50; page++) {
            String sep = query.isEmpty() ? "?" : query + "&";
            HttpResponse<String> response = get("/postulaty" + sep + "strona=" + page);
            assertThat(response.statusCode()).isEqualTo(200);
            ids.addAll(PublicTesting.ids(response.body()));
            if (!response.body().contains("rel=\"next\"")) {
                break;
            }
        }
        return ids;
    }

    private List<Long> expected(String condition) {
        return jdbc.sql("select p.id from postulates_postulate p where p.status not in ('DRAFT', 'MERGED') and "
                        + condition + " order by p.submitted_at desc, p.id desc")
                .query(Long.class)
                .list();
    }

    @Test
    void theListShowsEveryPublicPostulateNewestFirstWithTheCountAndNoDraft() {
        List<Long> expected = expected("true");
        HttpResponse<String> first = get("/postulaty");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body())
                .contains("Znaleziono " + expected.size() + " postulat")
                .contains("href=\"/postulaty.csv\"")
                .contains("<time datetime=");
        assertThat(allIds("")).containsExactlyElementsOf(expected);
        List<String> drafts = jdbc.sql("select title from postulates_postulate where status = 'DRAFT'")
                .query(String.class)
                .list();
        assertThat(drafts).isNotEmpty();
        // Not even the region's own coordinator sees its drafts in the public list.
        SignedInClient coordinator = new SignedInClient(port, "127.0.20.11");
        coordinator.signInFully(DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        String asCoordinator = coordinator.get("/postulaty").body();
        for (String draft : drafts) {
            assertThat(first.body()).doesNotContain(draft);
            assertThat(asCoordinator).doesNotContain(draft);
        }
    }

    @Test
    void eachFilterShowsExactlyItsPostulates() {
        long region = jdbc.sql("select id from region where slug = 'malopolskie'")
                .query(Long.class)
                .single();
        long mrpips = jdbc.sql("select id from institution where short_name = 'MRPiPS'")
                .query(Long.class)
                .single();
        int year = LocalDate.now(ZoneId.of("Europe/Warsaw")).getYear();
        assertThat(allIds("?wojewodztwo=malopolskie")).containsExactlyElementsOf(expected("p.region_id = " + region));
        assertThat(allIds("?adresat=" + mrpips)).containsExactlyElementsOf(expected("p.addressee_id = " + mrpips));
        assertThat(allIds("?obszar=II"))
                .containsExactlyElementsOf(expected(
                        "exists (select 1 from postulates_area a where a.postulate_id = p.id and a.area_code = 'II')"));
        assertThat(allIds("?rok=" + year))
                .containsExactlyElementsOf(
                        expected("extract(year from p.submitted_at at time zone 'Europe/Warsaw') = " + year));
        List<Long> overdue = expected(
                "p.status in ('FORWARDED', 'IN_ANALYSIS') and p.answer_due < (now() at time zone 'Europe/Warsaw')::date");
        assertThat(overdue).isNotEmpty();
        assertThat(allIds("?status=po-terminie")).containsExactlyElementsOf(overdue);
        assertThat(get("/postulaty?status=po-terminie").body()).contains("po terminie od ");
        assertThat(allIds("?status=czeka-na-odpowiedz"))
                .containsExactlyElementsOf(expected("p.status in ('FORWARDED', 'IN_ANALYSIS')"));
        assertThat(allIds("?status=odrzucony")).containsExactlyElementsOf(expected("p.status = 'REJECTED'"));
        // Merged duplicates only when asked for.
        List<Long> merged = jdbc.sql("select id from postulates_postulate where status = 'MERGED'")
                .query(Long.class)
                .list();
        assertThat(merged).isNotEmpty();
        assertThat(allIds("?status=polaczony")).containsExactlyInAnyOrderElementsOf(merged);
        // Filters together, and the form shows them chosen.
        HttpResponse<String> both = get("/postulaty?status=czeka-na-odpowiedz&wojewodztwo=malopolskie");
        assertThat(PublicTesting.ids(both.body()))
                .containsExactlyElementsOf(
                        expected("p.status in ('FORWARDED', 'IN_ANALYSIS') and p.region_id = " + region));
        assertThat(both.body())
                .contains("<option value=\"malopolskie\" selected>")
                .contains("<option value=\"czeka-na-odpowiedz\" selected>")
                .contains("href=\"/postulaty.csv?status=czeka-na-odpowiedz&amp;wojewodztwo=malopolskie\"");
    }

    @Test
    void pagesOfTwentyWithLinksThatKeepTheFilters() {
        PublicTesting.generate(jdbc, 45);
        List<Long> expected = expected("true");
        assertThat(expected.size()).isGreaterThan(60);
        HttpResponse<String> first = get("/postulaty");
        assertThat(PublicTesting.ids(first.body())).containsExactlyElementsOf(expected.subList(0, 20));
        assertThat(first.body()).contains("href=\"/postulaty?strona=2\"");
        assertThat(PublicTesting.ids(get("/postulaty?strona=2").body()))
                .containsExactlyElementsOf(expected.subList(20, 40));
        // A page past the end shows the last one.
        int last = (expected.size() + 19) / 20;
        assertThat(PublicTesting.ids(get("/postulaty?strona=9999").body()))
                .containsExactlyElementsOf(expected.subList((last - 1) * 20, expected.size()));
        int year = LocalDate.now(ZoneId.of("Europe/Warsaw")).getYear();
        HttpResponse<String> filtered = get("/postulaty?rok=" + year);
        assertThat(filtered.body()).contains("href=\"/postulaty?rok=" + year + "&amp;strona=2\"");
        assertThat(allIds("")).containsExactlyElementsOf(expected);
    }

    @Test
    void anAddressTypedByHandNeverFailsAndNothingTypedComesBackUnescaped() {
        List<String> hostile = List.of(
                "strona=-1",
                "strona=abc",
                "strona=99999999999999999999",
                "status=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "status=DRAFT",
                "status=po-terminie&status=zlozony",
                "wojewodztwo=..%2F..%2Fetc%2Fpasswd",
                "wojewodztwo=" + "a".repeat(5000),
                "adresat=99999999999999999999999",
                "adresat=-1",
                "adresat=1%20or%201%3D1",
                "obszar=%27%20or%20%271%27%3D%271",
                "rok=99999",
                "rok=0000",
                "rok=-2020",
                "rok=" + URLEncoder.encode("２０２６", StandardCharsets.UTF_8),
                "%FF=%FE",
                "strona[]=1");
        for (String query : hostile) {
            for (String path : List.of("/postulaty?", "/postulaty.csv?", "/postulaty.xlsx?")) {
                HttpResponse<String> response = get(path + query);
                assertThat(response.statusCode()).as(path + query).isIn(200, 400, 404);
                assertThat(response.body()).as(path + query).doesNotContain("<script>alert(1)");
            }
            assertThat(get("/postulaty/statystyki?" + query.replace("strona", "rok"))
                            .statusCode())
                    .as(query)
                    .isIn(200, 400, 404);
        }
        // A status that is not public shows no draft.
        String drafts = get("/postulaty?status=DRAFT").body();
        jdbc.sql("select title from postulates_postulate where status = 'DRAFT'")
                .query(String.class)
                .list()
                .forEach(title -> assertThat(drafts).doesNotContain(title));
    }

    @Test
    void theMainNavigationLeadsToTheList() {
        assertThat(get("/").body()).contains("<a href=\"/postulaty\"");
        assertThat(get("/regiony/malopolskie").body())
                .contains("Postulaty województwa")
                .contains("href=\"/postulaty?wojewodztwo=malopolskie\"");
    }
}
