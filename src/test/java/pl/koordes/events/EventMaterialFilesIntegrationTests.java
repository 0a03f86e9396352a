package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Materials uploaded as files, over HTTP: organisers upload and delete them (audited), each kind of
 * visitor downloads what they may and no more, an id of another event's file leads nowhere, refused
 * uploads come back with their errors, and hostile file names end up as harmless names and headers.
 */
@IntegrationTest
class EventMaterialFilesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    EventSamples samples;

    @BeforeEach
    void setUp() {
        samples = new EventSamples(jdbc);
    }

    private SignedInClient signedIn(String email, boolean secondFactor) {
        SignedInClient client = new SignedInClient(port);
        client.signInFully(email, DemoAccounts.PASSWORD, secondFactor ? DemoAccounts.TOTP_SECRET : null);
        return client;
    }

    private long fileId(long event, String title) {
        return jdbc.sql("select id from event_file where event_id = :e and title = :t")
                .param("e", event)
                .param("t", title)
                .query(Long.class)
                .single();
    }

    private int audits(String action, long event) {
        return jdbc.sql(
                        "select count(*) from audit_entry where action = :a and target_type = 'event' and target_id = :e")
                .param("a", action)
                .param("e", Long.toString(event))
                .query(Integer.class)
                .single();
    }

    private long regionalEvent(String region, String status) {
        long regionId = directory.region(region).orElseThrow().id();
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS);
        long id = jdbc.sql("""
                        insert into event (type, level, region_id, format, title, venue, starts_at, ends_at, seats_on_site, status)
                        values ('MEETING', 'REGIONAL', :region, 'IN_PERSON', :title, 'Sala', :starts, :ends, 20, :status)
                        returning id
                        """)
                .param("region", regionId)
                .param("title", "Regionalne " + region + " " + samples.run)
                .param("starts", Timestamp.from(start))
                .param("ends", Timestamp.from(start.plus(2, ChronoUnit.HOURS)))
                .param("status", status)
                .query(Long.class)
                .single();
        jdbc.sql("insert into event_region (event_id, region_id) values (:e, :r)")
                .param("e", id)
                .param("r", regionId)
                .update();
        return id;
    }

    private long storedFile(long event, boolean participantsOnly) {
        long stored = jdbc.sql("""
                        insert into stored_file (file_name, content_type, size_bytes)
                        values ('cudzy.txt', 'text/plain', 5) returning id
                        """).query(Long.class).single();
        jdbc.sql("insert into stored_file_chunk (file_id, seq, data) values (:f, 0, :d)")
                .param("f", stored)
                .param("d", "cudzy".getBytes(StandardCharsets.US_ASCII))
                .update();
        return jdbc.sql("""
                        insert into event_file (event_id, title, file_name, content_type, size_bytes, participants_only,
                            stored_file_id)
                        values (:e, 'Cudzy plik', 'cudzy.txt', 'text/plain', 5, :only, :stored) returning id
                        """)
                .param("e", event)
                .param("only", participantsOnly)
                .param("stored", stored)
                .query(Long.class)
                .single();
    }

    @Test
    void organisersUploadAndEachVisitorDownloadsWhatTheyMay() {
        long event = samples.published(10, null);
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, false);
        Uploads uploads = new Uploads(editor, port);
        byte[] pdf = MaterialSamples.pdf();
        byte[] docx = MaterialSamples.docx();

        HttpResponse<String> first = uploads.upload(event, "Program spotkania", false, "Program łódzki.pdf", pdf);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(first)).endsWith("/organizacja/wydarzenia/" + event + "/materialy");
        assertThat(editor.get("/organizacja/wydarzenia/" + event + "/materialy").body())
                .contains("Plik został dodany.")
                .contains("Program spotkania")
                .contains("Program łódzki.pdf");
        assertThat(uploads.upload(event, "Prezentacja dla uczestników", true, "prezentacja.docx", docx)
                        .statusCode())
                .isEqualTo(302);
        long publicFile = fileId(event, "Program spotkania");
        long privateFile = fileId(event, "Prezentacja dla uczestników");
        assertThat(jdbc.sql("select content_type from event_file where id = :id")
                        .param("id", privateFile)
                        .query(String.class)
                        .single())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(audits("EVENT_MATERIAL_UPLOADED", event)).isEqualTo(2);
        // Written by the accounts module from the MaterialUploaded event, with the signed-in editor as the actor.
        assertThat(jdbc.sql("""
                        select distinct actor_label from audit_entry
                        where action = 'EVENT_MATERIAL_UPLOADED' and target_type = 'event' and target_id = :e
                        """)
                        .param("e", Long.toString(event))
                        .query(String.class)
                        .list())
                .containsExactly(DemoAccounts.EDITOR);

        // A visitor: the public file on the page and in full; the other one is for signed-in participants.
        SignedInClient visitor = new SignedInClient(port);
        HttpResponse<String> page = visitor.get("/wydarzenia/" + event);
        assertThat(page.body())
                .contains("Program spotkania")
                .contains("PDF")
                .doesNotContain("Prezentacja dla uczestników")
                .contains("tylko dla potwierdzonych uczestników");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));
        HttpResponse<byte[]> download =
                Uploads.download(visitor, port, "/wydarzenia/" + event + "/materialy/" + publicFile);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue(
                        "attachment; filename=\"Program lodzki.pdf\"; filename*=UTF-8''Program%20%C5%82%C3%B3dzki.pdf");
        assertThat(download.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(download.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));
        HttpResponse<byte[]> refused =
                Uploads.download(visitor, port, "/wydarzenia/" + event + "/materialy/" + privateFile);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/logowanie");

        // A signed-in person without a confirmed registration: forbidden; with one: theirs, privately cached.
        SignedInClient participant = signedIn(DemoAccounts.PARTICIPANT, false);
        String privatePath = "/wydarzenia/" + event + "/materialy/" + privateFile;
        assertThat(Uploads.download(participant, port, privatePath).statusCode())
                .isEqualTo(403);
        jdbc.sql("""
                        insert into event_registration (event_id, account_id, email, full_name, privacy_accepted_at, mode,
                            status, cancel_token_hash, language)
                        values (:e, (select id from account where email = :email), :email, 'Uczestnik', now(), 'ON_SITE',
                            'WAITING', :hash, 'pl')
                        """)
                .param("hash", "test-" + samples.run)
                .param("e", event)
                .param("email", DemoAccounts.PARTICIPANT)
                .update();
        assertThat(Uploads.download(participant, port, privatePath).statusCode())
                .as("waiting list")
                .isEqualTo(403);
        jdbc.sql("update event_registration set status = 'CONFIRMED' where event_id = :e")
                .param("e", event)
                .update();
        HttpResponse<byte[]> own = Uploads.download(participant, port, privatePath);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(docx);
        assertThat(own.headers().firstValue("Cache-Control")).hasValue("private, max-age=300");
        assertThat(participant.get("/wydarzenia/" + event).body()).contains("Prezentacja dla uczestników");

        // A coordinator does not manage a national event: the public file only, no organiser's page.
        SignedInClient slaskie = signedIn(DemoAccounts.COORDINATOR_SLASKIE, true);
        assertThat(Uploads.download(slaskie, port, privatePath).statusCode()).isEqualTo(403);
        assertThat(Uploads.download(slaskie, port, "/wydarzenia/" + event + "/materialy/" + publicFile)
                        .statusCode())
                .isEqualTo(200);
        assertThat(slaskie.get("/organizacja/wydarzenia/" + event + "/materialy")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new Uploads(slaskie, port)
                        .upload(event, Map.of("title", "Podrzucony"), "filename=\"a.pdf\"", pdf)
                        .statusCode())
                .isEqualTo(403);
        assertThat(Uploads.download(editor, port, privatePath).statusCode()).isEqualTo(200);

        // Deleting: gone from the page and the address, and audited.
        editor.get("/organizacja/wydarzenia/" + event + "/materialy");
        long publicStored = jdbc.sql("select stored_file_id from event_file where id = :f")
                .param("f", publicFile)
                .query(Long.class)
                .single();
        HttpResponse<String> deleted = editor.post(
                "/organizacja/wydarzenia/" + event + "/materialy/" + publicFile + "/usun", "potwierdzenie", "tak");
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(Uploads.download(visitor, port, "/wydarzenia/" + event + "/materialy/" + publicFile)
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from stored_file_chunk where file_id = :f")
                        .param("f", publicStored)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(audits("EVENT_MATERIAL_DELETED", event)).isEqualTo(1);
        jdbc.sql("delete from event where id = :e").param("e", event).update();
    }

    @Test
    void anIdOfAnotherEventsFileLeadsNowhere() {
        long malopolskie = regionalEvent("malopolskie", "PUBLISHED");
        long slaskie = regionalEvent("slaskie", "PUBLISHED");
        long draft = regionalEvent("slaskie", "DRAFT");
        long slaskieFile = storedFile(slaskie, false);
        long draftFile = storedFile(draft, false);
        SignedInClient coordinator = signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, true);

        assertThat(new Uploads(coordinator, port)
                        .upload(malopolskie, "Własny plik", false, "wlasny.pdf", MaterialSamples.pdf())
                        .statusCode())
                .isEqualTo(302);
        // Another event's file under one's own event: not found, for downloading and for deleting.
        assertThat(Uploads.download(coordinator, port, "/wydarzenia/" + malopolskie + "/materialy/" + slaskieFile)
                        .statusCode())
                .isEqualTo(404);
        coordinator.get("/organizacja/wydarzenia/" + malopolskie + "/materialy");
        assertThat(coordinator
                        .post(
                                "/organizacja/wydarzenia/" + malopolskie + "/materialy/" + slaskieFile + "/usun",
                                "potwierdzenie",
                                "tak")
                        .statusCode())
                .isEqualTo(404);
        // Under its own event: another region's, forbidden.
        assertThat(coordinator
                        .post(
                                "/organizacja/wydarzenia/" + slaskie + "/materialy/" + slaskieFile + "/usun",
                                "potwierdzenie",
                                "tak")
                        .statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from event_file where id = :f")
                        .param("f", slaskieFile)
                        .query(Integer.class)
                        .single())
                .isOne();
        // A draft's files are as hidden as the draft.
        assertThat(Uploads.download(new SignedInClient(port), port, "/wydarzenia/" + draft + "/materialy/" + draftFile)
                        .statusCode())
                .isEqualTo(404);
        assertThat(Uploads.download(coordinator, port, "/wydarzenia/" + draft + "/materialy/" + draftFile)
                        .statusCode())
                .isEqualTo(404);
        assertThat(Uploads.download(coordinator, port, "/wydarzenia/" + malopolskie + "/materialy/abc")
                        .statusCode())
                .isIn(400, 404);
        jdbc.sql("delete from event where id in (:ids)")
                .param("ids", List.of(malopolskie, slaskie, draft))
                .update();
    }

    @Test
    void refusedUploadsComeBackWithTheirErrorsAndStoreNothing() {
        long event = samples.published(10, null);
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, false);
        Uploads uploads = new Uploads(editor, port);

        HttpResponse<String> html =
                uploads.upload(event, "Mój <b>program</b>", true, "program.pdf", MaterialSamples.html());
        assertThat(html.statusCode()).isEqualTo(422);
        assertThat(html.body())
                .contains("error-summary")
                .contains("Ten rodzaj pliku nie jest przyjmowany")
                .contains("value=\"Mój &lt;b>program&lt;/b>\"")
                .containsPattern("name=\"participantsOnly\" value=\"true\" checked");
        assertThat(uploads.upload(event, "Tekst", false, "program.pdf", MaterialSamples.text())
                        .body())
                .contains("Zawartość pliku nie zgadza się z rozszerzeniem");
        assertThat(uploads.upload(event, "Program", false, "program.exe.pdf", MaterialSamples.exe())
                        .statusCode())
                .isEqualTo(422);
        HttpResponse<String> untitled = uploads.upload(event, "  ", false, "program.pdf", MaterialSamples.pdf());
        assertThat(untitled.statusCode()).isEqualTo(422);
        assertThat(untitled.body()).contains("Podaj tytuł materiału.").contains("href=\"#title\"");
        HttpResponse<String> noFile = uploads.upload(event, "Bez pliku", false, "", new byte[0]);
        assertThat(noFile.statusCode()).isEqualTo(422);
        assertThat(noFile.body()).contains("Wybierz plik do wysłania.").contains("value=\"Bez pliku\"");
        byte[] tooLarge = Arrays.copyOf(MaterialSamples.pdf(), 20 * 1024 * 1024 + 1);
        HttpResponse<String> large = uploads.upload(event, "Za duży", false, "duzy.pdf", tooLarge);
        assertThat(large.statusCode()).isEqualTo(422);
        assertThat(large.body()).contains("Plik jest za duży").contains("najwyżej 20 MB");
        assertThat(jdbc.sql("select count(*) from event_file where event_id = :e")
                        .param("e", event)
                        .query(Integer.class)
                        .single())
                .isZero();
        jdbc.sql("delete from event where id = :e").param("e", event).update();
    }

    @Test
    void hostileFileNamesBecomeHarmlessNamesAndHeaders() throws Exception {
        long event = samples.published(10, null);
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, false);
        Uploads uploads = new Uploads(editor, port);
        Path corpus = List.of(
                        Path.of("../shared/data/corpora/blns.txt"),
                        Path.of("shared/data/corpora/blns.txt"),
                        Path.of("/work/shared/data/corpora/blns.txt"))
                .stream()
                .filter(Files::exists)
                .findFirst()
                .orElseThrow();
        List<String> names = new ArrayList<>(Files.readAllLines(corpus, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList());
        names.addAll(List.of(
                "../../etc/passwd",
                "..\\..\\windows\\win.ini",
                "a\"b\r\nSet-Cookie: x=y",
                "<script>alert(1)</script>",
                "\u202Etxt.exe",
                "\u0000",
                "%00",
                "CON",
                " ",
                "."));
        byte[] text = MaterialSamples.text();
        int stored = 0;
        for (String name : names) {
            // Sent as RFC 5987 filename*, so that every character, CR, LF and quotes included, reaches the server.
            String parameter = "filename*=UTF-8''"
                    + URLEncoder.encode(name + ".txt", StandardCharsets.UTF_8).replace("+", "%20");
            HttpResponse<String> answer = uploads.upload(event, Map.of("title", "Plik " + stored), parameter, text);
            // 400: a name Spring cannot decode; 413: a part header over Tomcat's limit (512 bytes).
            assertThat(answer.statusCode()).as(name).isIn(302, 400, 413, 422);
            if (answer.statusCode() == 302) {
                stored++;
            }
        }
        assertThat(stored).isGreaterThan(names.size() * 9 / 10);
        List<long[]> files = jdbc.sql("select id, event_id from event_file where event_id = :e")
                .param("e", event)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        List<String> fileNames = jdbc.sql("select file_name from event_file where event_id = :e")
                .param("e", event)
                .query(String.class)
                .list();
        assertThat(fileNames).contains("passwd.txt", "win.ini.txt").allSatisfy(n -> {
            assertThat(n)
                    .endsWith(".txt")
                    .doesNotContain("/", "\\", "\"", "\r", "\n", "\0")
                    .doesNotStartWith(".");
        });
        SignedInClient visitor = new SignedInClient(port);
        for (long[] file : files) {
            HttpResponse<byte[]> download =
                    Uploads.download(visitor, port, "/wydarzenia/" + file[1] + "/materialy/" + file[0]);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(text);
            assertThat(download.headers().allValues("Content-Disposition"))
                    .hasSize(1)
                    .allSatisfy(
                            header -> assertThat(header)
                                    .matches(
                                            "attachment; filename=\"[\\x20-\\x7e&&[^\"\\\\]]*\"; filename\\*=UTF-8''[A-Za-z0-9!#$&+\\-.^_`|~%]+"));
            assertThat(download.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("x=y"));
        }
        String list =
                editor.get("/organizacja/wydarzenia/" + event + "/materialy").body();
        assertThat(list).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x");
        jdbc.sql("delete from event where id = :e").param("e", event).update();
    }
}
