package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.events.MaterialSamples;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.Multipart;
import pl.koordes.support.SignedInClient;

/**
 * Drafting over HTTP as the region's people and everyone else: a draft is created, edited (a stale edit is
 * a 409 with the typed text kept), given attachments (refused when too large, of another type or with a
 * name too long), submitted by the coordinator only, deleted and withdrawn; another region's coordinator
 * changing the id gets nowhere, and a draft and its attachment do not exist for anyone outside the region.
 */
@IntegrationTest
class DraftingIntegrationTests {

    @LocalServerPort
    int port;

    /** The postulates a test made, deleted after it: the data are shared with other tests. */
    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        if (!made.isEmpty()) {
            jdbc.sql("delete from postulates_postulate where id in (:ids)")
                    .param("ids", made)
                    .update();
        }
    }

    @Autowired
    JdbcClient jdbc;

    private SignedInClient signedIn(String email, String address, boolean secondFactor) {
        // Each code works once; an earlier sign-in of the same person may have used this step's code.
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        SignedInClient client = new SignedInClient(port, address);
        client.signInFully(email, DemoAccounts.PASSWORD, secondFactor ? DemoAccounts.TOTP_SECRET : null);
        return client;
    }

    private SignedInClient coordinator() {
        return signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.17.1", true);
    }

    private long mrpips() {
        return jdbc.sql("select id from institution where kind = 'CENTRAL' and short_name = 'MRPiPS'")
                .query(Long.class)
                .single();
    }

    private long idFrom(HttpResponse<String> created) {
        String location = SignedInClient.location(created);
        assertThat(location).matches(".*/postulaty/\\d+$");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private int audits(String action, long postulate) {
        return jdbc.sql("""
                        select count(*) from audit_entry where action = :a and target_type = 'postulate'
                        and target_id = :p""")
                .param("a", action)
                .param("p", Long.toString(postulate))
                .query(Integer.class)
                .single();
    }

    private String status(long id) {
        return jdbc.sql("select status from postulates_postulate where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long create(SignedInClient client, String title) {
        client.get("/postulaty/region/malopolskie/nowy");
        HttpResponse<String> created = client.post(
                "/postulaty/region/malopolskie/nowy",
                "title",
                title,
                "problem",
                "Brakuje wspólnego wzoru sprawozdań.",
                "proposal",
                "Jeden wzór dla wszystkich instytucji.",
                "justification",
                "",
                "addressee",
                Long.toString(mrpips()),
                "areas",
                "III",
                "areas",
                "I");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        long id = idFrom(created);
        made.add(id);
        return id;
    }

    @Test
    void aCommitteeMemberDraftsTheCoordinatorEditsSubmitsAndWithdraws() {
        SignedInClient committee = signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.17.2", false);
        long id = create(committee, "Szkolenia dla księgowych spółdzielni socjalnych");
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(audits("POSTULATE_DRAFTED", id)).isEqualTo(1);
        assertThat(jdbc.sql("select area_code from postulates_area where postulate_id = :id order by area_code")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("I", "III");
        HttpResponse<String> page = committee.get("/postulaty/" + id);
        assertThat(page.body())
                .contains("Projekt widoczny tylko dla województwa")
                .contains("Edytuj projekt")
                .doesNotContain("/postulaty/" + id + "/zloz");
        assertThat(committee.get("/postulaty/region/malopolskie").body())
                .contains("Szkolenia dla księgowych spółdzielni socjalnych");

        // The committee member may not submit.
        assertThat(committee.get("/postulaty/" + id + "/zloz").statusCode()).isEqualTo(403);
        assertThat(committee
                        .post("/postulaty/" + id + "/zloz", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(403);

        // Two people edit at once: the second save, read at the old version, is a conflict that keeps its text.
        SignedInClient coordinator = coordinator();
        String form = coordinator.get("/postulaty/" + id + "/edycja").body();
        assertThat(form).contains("name=\"version\" value=\"0\"");
        HttpResponse<String> first = committee.post(
                "/postulaty/" + id + "/edycja",
                "title",
                "Szkolenia dla księgowych",
                "problem",
                "Problem po zmianie.",
                "proposal",
                "Propozycja po zmianie.",
                "addressee",
                Long.toString(mrpips()),
                "version",
                "0");
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(audits("POSTULATE_UPDATED", id)).isEqualTo(1);
        HttpResponse<String> stale = coordinator.post(
                "/postulaty/" + id + "/edycja",
                "title",
                "Mój tytuł po cichu",
                "problem",
                "Mój problem.",
                "proposal",
                "Moja propozycja.",
                "addressee",
                Long.toString(mrpips()),
                "version",
                "0");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Ktoś inny zapisał ten projekt").contains("Mój tytuł po cichu");
        assertThat(jdbc.sql("select title from postulates_postulate where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Szkolenia dla księgowych");

        // An addressee that is not a central institution and an unknown area are refused beside their fields.
        long regional = jdbc.sql("select min(id) from institution where kind <> 'CENTRAL'")
                .query(Long.class)
                .single();
        HttpResponse<String> wrong = coordinator.post(
                "/postulaty/" + id + "/edycja",
                "title",
                "T",
                "problem",
                "P",
                "proposal",
                "R",
                "addressee",
                Long.toString(regional),
                "areas",
                "IX",
                "version",
                "1");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body())
                .contains("Wybierz adresata z listy instytucji centralnych.")
                .contains("Zaznacz obszary z listy.");

        // The coordinator submits, after the question.
        assertThat(coordinator.get("/postulaty/" + id + "/zloz").body()).contains("Złożyć postulat?");
        assertThat(SignedInClient.location(coordinator.post("/postulaty/" + id + "/zloz")))
                .endsWith("/postulaty/" + id + "/zloz");
        assertThat(status(id)).isEqualTo("DRAFT");
        HttpResponse<String> submitted = coordinator.post("/postulaty/" + id + "/zloz", "potwierdzenie", "tak");
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(audits("POSTULATE_SUBMITTED", id)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select extract(day from signing_closes_at - submitted_at)::int from postulates_postulate
                        where id = :id""").param("id", id).query(Integer.class).single()).isEqualTo(14);
        assertThat(jdbc.sql(
                                "select count(*) from postulates_step where postulate_id = :id and kind in ('DRAFTED', 'SUBMITTED')")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        // The operators are told by e-mail.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                select count(*) from notifications_dev_mailbox where recipient = :to
                                and kind = 'postulateSubmitted' and text_body like :t""")
                                .param("to", DemoAccounts.EDITOR)
                                .param("t", "%Szkolenia dla księgowych%")
                                .query(Integer.class)
                                .single())
                        .isPositive());
        // Now public: the visitor sees it, the draft pages refuse.
        assertThat(new SignedInClient(port, "127.0.17.3")
                        .get("/postulaty/" + id)
                        .statusCode())
                .isEqualTo(200);
        assertThat(coordinator.get("/postulaty/" + id + "/edycja").statusCode()).isEqualTo(409);

        // Withdrawal: coordinator only, with a reason.
        SignedInClient slaskie = signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.17.4", true);
        assertThat(slaskie.get("/postulaty/" + id + "/wycofaj").statusCode()).isEqualTo(403);
        assertThat(committee.get("/postulaty/" + id + "/wycofaj").statusCode()).isEqualTo(403);
        assertThat(coordinator.get("/postulaty/" + id + "/wycofaj").body()).contains("Powód wycofania");
        HttpResponse<String> noReason =
                coordinator.post("/postulaty/" + id + "/wycofaj", "potwierdzenie", "tak", "reason", " ");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Podaj powód wycofania.");
        HttpResponse<String> withdrawn = coordinator.post(
                "/postulaty/" + id + "/wycofaj", "potwierdzenie", "tak", "reason", "Sprawę rozwiązano w regionie.");
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("WITHDRAWN");
        assertThat(audits("POSTULATE_WITHDRAWN", id)).isEqualTo(1);
        assertThat(new SignedInClient(port, "127.0.17.3")
                        .get("/postulaty/" + id)
                        .body())
                .contains("Sprawę rozwiązano w regionie.");
        assertThat(coordinator
                        .post("/postulaty/" + id + "/wycofaj", "potwierdzenie", "tak", "reason", "Znowu")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void aDraftDoesNotExistOutsideItsRegionWhateverTheAddress() {
        SignedInClient coordinator = coordinator();
        long id = create(coordinator, "Projekt tylko dla Małopolski");
        Uploads uploads = new Uploads(coordinator, port, id);
        assertThat(uploads.upload("notatka.pdf", MaterialSamples.pdf()).statusCode())
                .isEqualTo(302);
        long file = jdbc.sql("select id from postulates_attachment where postulate_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        String download = "/postulaty/" + id + "/zalaczniki/" + file;
        assertThat(Multipart.download(coordinator, port, download).statusCode()).isEqualTo(200);

        SignedInClient slaskie = signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.17.4", true);
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, "127.0.17.5", false);
        SignedInClient visitor = new SignedInClient(port, "127.0.17.3");
        for (SignedInClient other : List.of(slaskie, editor)) {
            for (String path : List.of(
                    "/postulaty/" + id,
                    "/postulaty/" + id + "/edycja",
                    "/postulaty/" + id + "/zalaczniki",
                    "/postulaty/" + id + "/zloz",
                    "/postulaty/" + id + "/usun",
                    "/postulaty/" + id + "/zalaczniki/" + file + "/usun")) {
                assertThat(other.get(path).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(other.post(
                                    "/postulaty/" + id + "/edycja",
                                    "title",
                                    "Przejęty",
                                    "problem",
                                    "x",
                                    "proposal",
                                    "y",
                                    "addressee",
                                    Long.toString(mrpips()),
                                    "version",
                                    "0")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(other.post("/postulaty/" + id + "/usun", "potwierdzenie", "tak")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(Multipart.download(other, port, download).statusCode()).isEqualTo(404);
        }
        assertThat(Multipart.download(visitor, port, download).statusCode()).isEqualTo(404);
        assertThat(slaskie.get("/postulaty/region/malopolskie").statusCode()).isEqualTo(403);
        assertThat(slaskie.get("/postulaty/region/malopolskie").body()).doesNotContain("Projekt tylko dla Małopolski");
        assertThat(slaskie.get("/postulaty/region/slaskie").body()).doesNotContain("Projekt tylko dla Małopolski");
        assertThat(status(id)).isEqualTo("DRAFT");

        // Submitted, the attachment is public, as the postulate is.
        coordinator.get("/postulaty/" + id + "/zloz");
        assertThat(coordinator
                        .post("/postulaty/" + id + "/zloz", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<byte[]> open = Multipart.download(visitor, port, download);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).isEqualTo(MaterialSamples.pdf());
        assertThat(open.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"notatka.pdf\"; filename*=UTF-8''notatka.pdf");
        assertThat(open.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(open.headers().firstValue("Content-Type")).hasValue("application/pdf");
        // Another region's coordinator changing the id of a public postulate: forbidden.
        assertThat(slaskie.get("/postulaty/" + id + "/wycofaj").statusCode()).isEqualTo(403);
        assertThat(slaskie.post("/postulaty/" + id + "/wycofaj", "potwierdzenie", "tak", "reason", "x")
                        .statusCode())
                .isEqualTo(403);
        assertThat(status(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void attachmentsAreCheckedByContentSizeAndNameAndRemovedAfterTheQuestion() {
        SignedInClient coordinator = coordinator();
        long id = create(coordinator, "Projekt z załącznikami");
        Uploads uploads = new Uploads(coordinator, port, id);
        assertThat(uploads.upload("Tabela łódzka.xlsx", MaterialSamples.xlsx()).statusCode())
                .isEqualTo(302);
        assertThat(uploads.upload("zdjęcie.png", MaterialSamples.png()).statusCode())
                .isEqualTo(302);
        assertThat(uploads.upload(
                                "dokument.odt", MaterialSamples.openDocument("application/vnd.oasis.opendocument.text"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(audits("POSTULATE_ATTACHMENT_ADDED", id)).isEqualTo(3);

        HttpResponse<String> text = uploads.upload("notatka.pdf", MaterialSamples.text());
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(text.body()).contains("Ten rodzaj pliku nie jest przyjmowany.");
        HttpResponse<String> html = uploads.upload("strona.html", MaterialSamples.html());
        assertThat(html.statusCode()).isEqualTo(422);
        HttpResponse<String> mismatch = uploads.upload("obraz.pdf", MaterialSamples.png());
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("Rozszerzenie nazwy nie pasuje do zawartości pliku.");
        HttpResponse<String> longName = uploads.upload("a".repeat(300) + ".pdf", MaterialSamples.pdf());
        assertThat(longName.statusCode()).isEqualTo(422);
        assertThat(longName.body()).contains("Nazwa pliku jest za długa");
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        byte[] pdf = MaterialSamples.pdf();
        System.arraycopy(pdf, 0, large, 0, pdf.length);
        HttpResponse<String> tooLarge = uploads.upload("duży.pdf", large);
        assertThat(tooLarge.statusCode()).isEqualTo(422);
        assertThat(tooLarge.body()).contains("Plik jest za duży.");
        HttpResponse<String> hostile = uploads.upload("../../<script>alert(1)</script>\u202E.pdf", pdf);
        assertThat(hostile.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from postulates_attachment where postulate_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
        assertThat(jdbc.sql("select file_name from postulates_attachment where postulate_id = :id order by id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .contains("Tabela łódzka.xlsx", "zdjęcie.png", "dokument.odt")
                .allMatch(name -> !name.contains("/") && !name.contains("<") && !name.contains("\u202E"));
        assertThat(coordinator.get("/postulaty/" + id).body()).doesNotContain("<script>alert(1)");

        long xlsx = jdbc.sql(
                        "select id from postulates_attachment where postulate_id = :id and file_name like 'Tabela%'")
                .param("id", id)
                .query(Long.class)
                .single();
        String remove = "/postulaty/" + id + "/zalaczniki/" + xlsx + "/usun";
        assertThat(coordinator.get(remove).body()).contains("Usunąć załącznik?").contains("Tabela łódzka.xlsx");
        assertThat(SignedInClient.location(coordinator.post(remove))).endsWith(remove);
        assertThat(coordinator.post(remove, "potwierdzenie", "tak").statusCode())
                .isEqualTo(302);
        assertThat(audits("POSTULATE_ATTACHMENT_REMOVED", id)).isEqualTo(1);
        // Another postulate's attachment id under this postulate: not found.
        long other = create(coordinator, "Drugi projekt");
        assertThat(coordinator
                        .get("/postulaty/" + other + "/zalaczniki/" + xlsx + "/usun")
                        .statusCode())
                .isEqualTo(404);

        // Deleting the draft, after the question that counts its files.
        assertThat(coordinator.get("/postulaty/" + id + "/usun").body()).contains("razem z 3 załącznikami");
        HttpResponse<String> deleted = coordinator.post("/postulaty/" + id + "/usun", "potwierdzenie", "tak");
        assertThat(SignedInClient.location(deleted)).endsWith("/postulaty/region/malopolskie");
        assertThat(jdbc.sql("select count(*) from postulates_postulate where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(audits("POSTULATE_DELETED", id)).isEqualTo(1);
    }

    @Test
    void theHeaderLeadsTheDrafterToTheirRegionAndTheNewDraftFormShowsItsErrors() {
        SignedInClient committee = signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.17.2", false);
        assertThat(committee.get("/konto").body()).contains("href=\"/postulaty/region\"");
        assertThat(SignedInClient.location(committee.get("/postulaty/region")))
                .endsWith("/postulaty/region/malopolskie");
        SignedInClient participant = signedIn(DemoAccounts.PARTICIPANT, "127.0.17.6", false);
        assertThat(participant.get("/konto").body()).doesNotContain("href=\"/postulaty/region\"");
        assertThat(participant.get("/postulaty/region").statusCode()).isEqualTo(403);

        committee.get("/postulaty/region/malopolskie/nowy");
        HttpResponse<String> empty = committee.post("/postulaty/region/malopolskie/nowy", "title", "Tylko tytuł");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body())
                .contains("error-summary")
                .contains("Opisz problem.")
                .contains("Wpisz propozycję rozwiązania.")
                .contains("Wybierz adresata.")
                .contains("value=\"Tylko tytuł\"");
        HttpResponse<String> notCentral = committee.post(
                "/postulaty/region/malopolskie/nowy",
                "title",
                "T",
                "problem",
                "P",
                "proposal",
                "R",
                "addressee",
                "999999");
        assertThat(notCentral.statusCode()).isEqualTo(422);
        assertThat(notCentral.body()).contains("Wybierz adresata z listy instytucji centralnych.");
    }

    /** The attachments form of one postulate, sent as a browser sends it. */
    static final class Uploads {
        private final SignedInClient client;
        private final int port;
        private final long postulate;
        private String token;

        Uploads(SignedInClient client, int port, long postulate) {
            this.client = client;
            this.port = port;
            this.postulate = postulate;
        }

        HttpResponse<String> upload(String fileName, byte[] data) {
            String path = "/postulaty/" + postulate + "/zalaczniki";
            if (token == null) {
                token = Multipart.token(client, path);
            }
            return Multipart.upload(
                    client,
                    port,
                    path,
                    token,
                    Map.of(),
                    "plik",
                    Multipart.fileName(fileName),
                    "application/octet-stream",
                    data);
        }
    }
}
