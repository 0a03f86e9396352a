package pl.koordes.committees;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.committees.internal.ResolutionForm;
import pl.koordes.committees.internal.ResolutionManagement;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.Multipart;
import pl.koordes.support.SignedInClient;

/**
 * Resolutions and opinions: the secretary adds one with the next number of its kind and year (also ten at once),
 * the vote may not count more than those present, an edit read before another is a conflict that keeps the text,
 * removal asks first; public ones are read by anyone, internal ones by the committee only — never by another
 * region, a participant or a visitor, whatever id they try; an opinion on the programme draft shows beside it.
 */
@IntegrationTest
class ResolutionsIntegrationTests {

    private static final String PREFIX = "Test uchwał";
    private static final String BASE = "/komitet/malopolskie/uchwaly";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResolutionManagement management;

    ResolutionsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new ResolutionsTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void theSecretaryAddsNumberedResolutionsWithAVote() {
        SignedInClient secretary = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.38.10");
        List<Long> members = testing.members("malopolskie");
        long meeting = testing.heldMeeting("malopolskie", PREFIX + " posiedzenie", 3);
        int year = ResolutionsTesting.today().getYear();
        secretary.get(BASE + "/nowa");
        HttpResponse<String> added = secretary.post(
                BASE + "/nowa",
                "kind",
                "RESOLUTION",
                "title",
                PREFIX + " w sprawie planu",
                "body",
                "Komitet przyjmuje plan.",
                "adoptedOn",
                ResolutionsTesting.today().toString(),
                "meetingId",
                "" + meeting,
                "votesFor",
                "2",
                "votesAgainst",
                "1",
                "votesAbstaining",
                "0",
                "presentIds",
                "" + members.get(0),
                "presentIds",
                "" + members.get(1),
                "presentIds",
                "" + members.get(2),
                "publicResolution",
                "true");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        long id = testing.lastResolution(PREFIX);
        int first = testing.number(id);
        String page = secretary.get(BASE + "/" + id).body();
        assertThat(page)
                .contains("Uchwała nr " + first + "/" + year)
                .contains("za: 2, przeciw: 1, wstrzymało się: 0; obecnych 3 członków")
                .contains(PREFIX + " posiedzenie");
        assertThat(testing.audits("COMMITTEE_RESOLUTION_ADDED", id)).isEqualTo(1);

        // The next resolution of the year gets the next number; an opinion is numbered apart.
        secretary.get(BASE + "/nowa");
        secretary.post(BASE + "/nowa", form("RESOLUTION", PREFIX + " druga", members.get(0)));
        assertThat(testing.number(testing.lastResolution(PREFIX))).isEqualTo(first + 1);
    }

    @Test
    void theVoteMayNotCountMoreThanThosePresent() {
        SignedInClient secretary = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.38.11");
        List<Long> members = testing.members("malopolskie");
        secretary.get(BASE + "/nowa");
        HttpResponse<String> refused = secretary.post(
                BASE + "/nowa",
                "kind",
                "OPINION",
                "title",
                PREFIX + " za dużo głosów",
                "adoptedOn",
                ResolutionsTesting.today().toString(),
                "votesFor",
                "3",
                "votesAgainst",
                "0",
                "votesAbstaining",
                "0",
                "presentIds",
                "" + members.get(0));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("więcej niż obecnych członków").contains(PREFIX + " za dużo głosów");
        // A member who does not sit on the committee that day is refused too.
        refused = secretary.post(
                BASE + "/nowa",
                "kind",
                "OPINION",
                "title",
                PREFIX + " obcy",
                "adoptedOn",
                ResolutionsTesting.today().toString(),
                "votesFor",
                "1",
                "votesAgainst",
                "0",
                "votesAbstaining",
                "0",
                "presentIds",
                "" + testing.members("slaskie").getFirst());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("zasiadających w komitecie");
        assertThat(jdbc.sql("select count(*) from committee_resolution where title like :p")
                        .param("p", PREFIX + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void tenSecretariesAtOnceGetTenNumbers() throws Exception {
        long region = testing.region("malopolskie");
        long coordinator = testing.account(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        List<Long> members = testing.members("malopolskie");
        List<Callable<Long>> adds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ResolutionForm form = new ResolutionForm(
                    ResolutionKind.OPINION,
                    PREFIX + " równoległa " + i,
                    "",
                    ResolutionsTesting.today(),
                    null,
                    1,
                    0,
                    0,
                    List.of(members.getFirst()),
                    false,
                    null,
                    null);
            adds.add(() -> management.add(coordinator, region, form));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        Set<Integer> numbers = new HashSet<>();
        try {
            for (Future<Long> added : pool.invokeAll(adds)) {
                numbers.add(testing.number(added.get()));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(numbers).hasSize(10);
        int lowest = numbers.stream().min(Integer::compare).orElseThrow();
        assertThat(numbers).allMatch(n -> n >= lowest && n < lowest + 10);
    }

    @Test
    void internalResolutionsStayWithTheCommittee() {
        long internal = testing.resolution(
                "malopolskie", "RESOLUTION", PREFIX + " wewnętrzna", false, ResolutionsTesting.today());
        long open = testing.resolution("malopolskie", "OPINION", PREFIX + " jawna", true, ResolutionsTesting.today());
        long otherRegion =
                testing.resolution("slaskie", "RESOLUTION", PREFIX + " śląska", true, ResolutionsTesting.today());
        SignedInClient visitor = testing.anonymous("127.0.38.12");
        assertThat(visitor.get(BASE + "/" + open).statusCode()).isEqualTo(200);
        assertThat(visitor.get(BASE + "/" + internal).statusCode()).isEqualTo(404);
        assertThat(visitor.get(BASE + "/" + otherRegion).statusCode()).isEqualTo(404);
        assertThat(visitor.get(BASE).body()).contains(PREFIX + " jawna").doesNotContain(PREFIX + " wewnętrzna");
        // The way back leads an outsider to the region's public page, an insider to the committee's space.
        assertThat(visitor.get(BASE + "/" + open).body())
                .contains("<a href=\"/regiony/malopolskie\">")
                .doesNotContain("<a href=\"/komitet/malopolskie\">");
        for (String[] outsider : new String[][] {
            {DemoAccounts.PARTICIPANT, "127.0.38.13"}, {DemoAccounts.COORDINATOR_SLASKIE, "127.0.38.14"}
        }) {
            SignedInClient client = testing.signedIn(outsider[0], outsider[1]);
            assertThat(client.get(BASE + "/" + internal).statusCode())
                    .as(outsider[0])
                    .isEqualTo(404);
            assertThat(client.get(BASE).body()).doesNotContain(PREFIX + " wewnętrzna");
            assertThat(client.get(BASE + "/" + internal + "/edycja").statusCode())
                    .isEqualTo(403);
        }
        SignedInClient member = testing.signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.38.15");
        assertThat(member.get(BASE + "/" + internal).statusCode()).isEqualTo(200);
        assertThat(member.get(BASE).body()).contains("<a href=\"/komitet/malopolskie\">");
        assertThat(member.get(BASE + "?rodzaj=RESOLUTION").body())
                .contains(PREFIX + " wewnętrzna")
                .doesNotContain(PREFIX + " jawna");
        assertThat(member.get(BASE + "/" + internal + "/edycja").statusCode()).isEqualTo(403);
        assertThat(member.get("/komitet/slaskie/uchwaly/" + otherRegion).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aLongListComesInPagesOfFifty() {
        for (int day = 1; day <= 55; day++) {
            testing.resolution(
                    "malopolskie",
                    "RESOLUTION",
                    PREFIX + " stronicowana " + day,
                    true,
                    java.time.LocalDate.of(2019, 1, 1).plusDays(day));
        }
        SignedInClient visitor = testing.anonymous("127.0.38.17");

        String first = visitor.get(BASE + "?rok=2019").body();
        assertThat(first.split(PREFIX + " stronicowana ", -1)).hasSize(51);
        assertThat(first).contains(PREFIX + " stronicowana 55").contains("rok=2019&amp;strona=2");
        String second = visitor.get(BASE + "?rok=2019&strona=2").body();
        assertThat(second.split(PREFIX + " stronicowana ", -1)).hasSize(6);
        assertThat(second).contains(PREFIX + " stronicowana 1<").doesNotContain(PREFIX + " stronicowana 55");
        assertThat(visitor.get(BASE + "?rok=2019&strona=999").body()).contains(PREFIX + " stronicowana 1<");
    }

    @Test
    void aStaleEditIsAConflictThatKeepsTheText() {
        long id = testing.resolution(
                "malopolskie", "RESOLUTION", PREFIX + " do zmiany", false, ResolutionsTesting.today());
        SignedInClient secretary = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.38.16");
        secretary.get(BASE + "/" + id + "/edycja");
        String[] fields = {
            "kind",
            "RESOLUTION",
            "adoptedOn",
            ResolutionsTesting.today().toString(),
            "votesFor",
            "0",
            "votesAgainst",
            "0",
            "votesAbstaining",
            "0",
            "version",
            "0"
        };
        HttpResponse<String> saved =
                secretary.post(BASE + "/" + id + "/edycja", concat(fields, "title", PREFIX + " pierwsza zmiana"));
        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> stale =
                secretary.post(BASE + "/" + id + "/edycja", concat(fields, "title", PREFIX + " druga zmiana"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains(PREFIX + " druga zmiana").contains("w międzyczasie");
        assertThat(testing.audits("COMMITTEE_RESOLUTION_UPDATED", id)).isEqualTo(1);
    }

    @Test
    void removalAndAttachmentsAskFirst() {
        long id = testing.resolution(
                "malopolskie", "RESOLUTION", PREFIX + " z załącznikiem", true, ResolutionsTesting.today());
        SignedInClient secretary = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.38.17");
        String path = BASE + "/" + id;
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> uploaded = Multipart.upload(
                secretary,
                port,
                path + "/zalaczniki",
                Multipart.token(secretary, path),
                Map.of(),
                "file",
                Multipart.fileName("skan uchwały.pdf"),
                "application/pdf",
                pdf);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        long attachment = jdbc.sql("select id from committee_resolution_attachment where resolution_id = :r")
                .param("r", id)
                .query(Long.class)
                .single();
        HttpResponse<String> wrongType = Multipart.upload(
                secretary,
                port,
                path + "/zalaczniki",
                Multipart.token(secretary, path),
                Map.of(),
                "file",
                Multipart.fileName("skrypt.pdf"),
                "application/pdf",
                "<script>".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongType.statusCode()).isEqualTo(422);
        assertThat(testing.anonymous("127.0.38.18")
                        .get(path + "/zalaczniki/" + attachment)
                        .statusCode())
                .isEqualTo(200);
        assertThat(testing.audits("COMMITTEE_ATTACHMENT_ADDED", id)).isEqualTo(1);

        assertThat(secretary.get(path + "/zalaczniki/" + attachment + "/usun").body())
                .contains("Usunąć załącznik?");
        assertThat(secretary.post(path + "/zalaczniki/" + attachment + "/usun").statusCode())
                .isEqualTo(302);
        assertThat(secretary
                        .post(path + "/zalaczniki/" + attachment + "/usun", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(testing.audits("COMMITTEE_ATTACHMENT_REMOVED", id)).isEqualTo(1);

        assertThat(secretary.get(path + "/usun").body()).contains("Usunąć uchwałę lub opinię?");
        HttpResponse<String> unconfirmed = secretary.post(path + "/usun");
        assertThat(SignedInClient.location(unconfirmed)).endsWith(path + "/usun");
        assertThat(secretary.get(path).statusCode()).isEqualTo(200);
        secretary.get(path + "/usun");
        assertThat(secretary.post(path + "/usun", "potwierdzenie", "tak").statusCode())
                .isEqualTo(302);
        assertThat(secretary.get(path).statusCode()).isEqualTo(404);
        assertThat(testing.audits("COMMITTEE_RESOLUTION_REMOVED", id)).isEqualTo(1);
    }

    @Test
    void anOpinionOnTheProgrammeDraftShowsBesideIt() {
        Long draft = jdbc.sql("""
                        select v.id from monitoring_programme_version v join monitoring_programme p on p.id = v.programme_id
                        join region r on r.id = p.region_id where r.slug = 'malopolskie' and v.status = 'DRAFT'
                        """).query(Long.class).optional().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(draft != null, "the demo has a draft in małopolskie");
        SignedInClient secretary = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.38.19");
        List<Long> members = testing.members("malopolskie");
        secretary.get(BASE + "/nowa");
        HttpResponse<String> added = secretary.post(
                BASE + "/nowa",
                concat(
                        form("OPINION", PREFIX + " opinia o projekcie", members.getFirst()),
                        "programmeVersionId",
                        "" + draft));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        long id = testing.lastResolution(PREFIX);
        String draftPage =
                secretary.get("/monitoring/regiony/malopolskie/projekt").body();
        assertThat(draftPage).contains(PREFIX + " opinia o projekcie").contains(BASE + "/" + id);
        // An internal opinion is not shown to a central institution reading the draft.
        SignedInClient central = testing.signedIn(DemoAccounts.CENTRAL_INSTITUTION, "127.0.38.20");
        assertThat(central.get("/monitoring/regiony/malopolskie/projekt").body())
                .doesNotContain(PREFIX + " opinia o projekcie");
    }

    private static String[] form(String kind, String title, long present) {
        return new String[] {
            "kind",
            kind,
            "title",
            title,
            "adoptedOn",
            ResolutionsTesting.today().toString(),
            "votesFor",
            "1",
            "votesAgainst",
            "0",
            "votesAbstaining",
            "0",
            "presentIds",
            "" + present
        };
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
