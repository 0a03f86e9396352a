package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.golive.GoLiveCheck;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;

/**
 * A postulate's page as a visitor reads it: the text, its region and addressee, its status, how late the
 * answer is; a merged postulate's address leading to the one it joined; drafts and unknown numbers not
 * found; hostile texts shown as text.
 */
@IntegrationTest
class PostulatePageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<GoLiveCheck> checks;

    @AfterEach
    void removeSamples() {
        jdbc.sql("delete from postulates_postulate where title like 'Próba strony %'")
                .update();
    }

    private long demo(String title) {
        return jdbc.sql("select id from postulates_postulate where title = :title")
                .param("title", title)
                .query(Long.class)
                .single();
    }

    @Test
    void aVisitorReadsASubmittedPostulateWithItsRegionAddresseeAndStatus() {
        long id = demo("Wsparcie pomostowe dla nowych miejsc pracy przez 24 miesiące");

        HttpResponse<String> page = new Http(port).get("/postulaty/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Wsparcie pomostowe dla nowych miejsc pracy przez 24 miesiące")
                .contains("małopolskie")
                .contains("Ministerstwo Rodziny, Pracy i Polityki Społecznej")
                .contains("Złożony, zbieranie poparcia")
                .contains("Obszar II: Solidarny rynek pracy");
    }

    @Test
    void anOverduePostulateSaysHowManyDaysItIsLate() {
        long id = demo("Klauzule społeczne w zamówieniach administracji rządowej");

        String body = new Http(port).get("/postulaty/" + id).body();

        assertThat(body).contains("po terminie od 12 dni").contains("Przekazany, czeka na odpowiedź");
        assertThat(new Http(port).get("/postulaty/" + id + "?lang=en").body()).contains("12 days overdue");
    }

    @Test
    void aMergedPostulatesAddressLeadsPermanentlyToTheOneItJoined() {
        long merged = demo("Zamówienia zastrzeżone w urzędach centralnych");
        long target = demo("Klauzule społeczne w zamówieniach administracji rządowej");

        HttpResponse<String> page = new Http(port).get("/postulaty/" + merged);

        assertThat(page.statusCode()).isEqualTo(301);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/postulaty/" + target);
    }

    @Test
    void draftsAndUnknownNumbersAreNotFoundForVisitors() {
        long draft = demo("Jednolity wzór sprawozdania z działalności przedsiębiorstw społecznych");

        assertThat(new Http(port).get("/postulaty/" + draft).statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/postulaty/999999999").statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/postulaty/abc").statusCode()).isBetween(400, 404);
    }

    @Test
    void theLaunchChecklistNamesCentralInstitutionsWithNobodyToAnswer() {
        GoLiveCheck.Item item = checks.stream()
                .flatMap(check -> check.items().stream())
                .filter(i -> i.titleKey().equals("postulates.golive.answerers.title"))
                .findFirst()
                .orElseThrow();

        // The demo has people answering for MRPiPS and MFiPR only.
        assertThat(item.done()).isFalse();
        assertThat(item.findings())
                .extracting(GoLiveCheck.Finding::text)
                .contains("Bank Gospodarstwa Krajowego", "Ministerstwo Finansów")
                .doesNotContain(
                        "Ministerstwo Rodziny, Pracy i Polityki Społecznej",
                        "Ministerstwo Funduszy i Polityki Regionalnej");
    }

    @Test
    void hostileTextsOfAPostulateAreShownAsText() {
        long region = jdbc.sql("select id from region where slug = 'opolskie'")
                .query(Long.class)
                .single();
        long addressee = jdbc.sql("select id from institution where short_name = 'MRPiPS'")
                .query(Long.class)
                .single();
        List<String> strings =
                NaughtyStrings.payloadsAnd(List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"));
        StringBuilder problem = new StringBuilder();
        strings.stream()
                .limit(400)
                .forEach(s -> problem.append(s.replace("\u0000", "")).append('\n'));
        long id = jdbc.sql("""
                        insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                            created_at, updated_at, submitted_at, signing_closes_at)
                        values (:region, :addressee, 'Próba strony <script>alert(2)</script>', :problem, :proposal,
                            'SUBMITTED', now(), now(), now(), now() + interval '14 days')
                        returning id
                        """)
                .param("region", region)
                .param("addressee", addressee)
                .param("problem", problem.toString())
                .param("proposal", "<b>pogrubienie</b>")
                .query(Long.class)
                .single();

        HttpResponse<String> page = new Http(port).get("/postulaty/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .doesNotContain("<script>alert(")
                .doesNotContain("<img src=x")
                .doesNotContain("<b>pogrubienie</b>")
                .contains("&lt;script&gt;alert(2)&lt;/script&gt;")
                .contains("&lt;b&gt;pogrubienie&lt;/b&gt;");
    }
}
