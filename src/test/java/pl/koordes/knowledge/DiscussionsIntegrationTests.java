package pl.koordes.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Discussion spaces, end to end over HTTP: who may read which space (another region's committee is not there), a
 * thread with a reply that quotes and a mention that tells only readers, following with e-mail, the edit window
 * with its 409, moderation (asks first, a placeholder, restore, lock), and search that follows every write and
 * shows each person exactly what they may read.
 */
@IntegrationTest
class DiscussionsIntegrationTests {

    private static final String PREFIX = "Test dyskusji";
    private static final String NETWORK = "/dyskusje/siec-koordynatorow";
    private static final String MALOPOLSKIE = "/dyskusje/komitet-malopolskie";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    SearchIndex index;

    DiscussionsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new DiscussionsTesting(jdbc, port, accounts, index);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void aCommitteeSpaceIsNotThereForAnotherRegionsCommitteeOrCoordinator() {
        SignedInClient member = testing.signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.45.1");
        SignedInClient slaskie = testing.signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.45.2");
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.45.3");

        assertThat(member.get(MALOPOLSKIE).statusCode()).isEqualTo(200);
        assertThat(member.get("/dyskusje/komitet-slaskie").statusCode()).isEqualTo(404);
        assertThat(member.get(NETWORK).statusCode()).isEqualTo(404);
        assertThat(slaskie.get(MALOPOLSKIE).statusCode()).isEqualTo(404);
        assertThat(editor.get(MALOPOLSKIE).statusCode()).isEqualTo(404);
        // The list names only what the person may read.
        String list = member.get("/dyskusje").body();
        assertThat(list)
                .contains("komitet-malopolskie")
                .doesNotContain("komitet-slaskie")
                .doesNotContain("siec-koordynatorow");

        // A thread of małopolskie's committee, reached through another space's address or by the wrong person.
        SignedInClient kinga = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.45.4");
        kinga.submit(
                MALOPOLSKIE + "/nowy-watek",
                MALOPOLSKIE + "/nowy-watek",
                "title",
                PREFIX + " poufny",
                "body",
                "Tylko dla komitetu.");
        long thread = testing.thread(PREFIX + " poufny");
        assertThat(member.get(MALOPOLSKIE + "/watki/" + thread).statusCode()).isEqualTo(200);
        assertThat(slaskie.get(MALOPOLSKIE + "/watki/" + thread).statusCode()).isEqualTo(404);
        assertThat(slaskie.get("/dyskusje/komitet-slaskie/watki/" + thread).statusCode())
                .isEqualTo(404);
        assertThat(kinga.get(NETWORK + "/watki/" + thread).statusCode()).isEqualTo(404);
    }

    @Test
    void aReplyQuotesAndAMentionTellsOnlyReadersOfTheSpace() {
        SignedInClient kinga = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.45.5");
        HttpResponse<String> started = kinga.submit(
                NETWORK + "/nowy-watek",
                NETWORK + "/nowy-watek",
                "title",
                PREFIX + " wzmianki",
                "body",
                "Pytanie do @Stefan Koordynacyjny i do @Kamila Komitetowa o **pożyczki**.",
                "documents",
                "3, /biblioteka/7");
        assertThat(started.statusCode()).isEqualTo(302);
        long thread = testing.thread(PREFIX + " wzmianki");
        long first = testing.lastPost(thread);
        long stefan = testing.account(DemoAccounts.COORDINATOR_SLASKIE);
        long kamila = testing.account(DemoAccounts.COMMITTEE_MALOPOLSKIE);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(testing.notices(stefan, "discussion-mention", PREFIX + " wzmianki"))
                    .isEqualTo(1);
            assertThat(testing.mails("discussionMention", DemoAccounts.COORDINATOR_SLASKIE, PREFIX + " wzmianki"))
                    .isEqualTo(1);
        });
        // Kamila may not read the network: the mention matched nobody.
        assertThat(testing.notices(kamila, "discussion-mention", PREFIX)).isZero();
        assertThat(testing.mails("discussionMention", DemoAccounts.COMMITTEE_MALOPOLSKIE, PREFIX))
                .isZero();

        SignedInClient stefanClient = testing.signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.45.6");
        String page = stefanClient
                .get(NETWORK + "/watki/" + thread + "?cytat=" + first)
                .body();
        assertThat(page)
                .contains("<strong>pożyczki</strong>")
                .contains("href=\"/biblioteka/3\"")
                .contains("href=\"/biblioteka/7\"")
                .contains("name=\"quotedPostId\" value=\"" + first + "\"")
                .contains("&gt; **Kinga Koordynacyjna**");
        HttpResponse<String> replied = stefanClient.post(
                NETWORK + "/watki/" + thread + "/odpowiedz",
                "body",
                "> **Kinga Koordynacyjna**: o pożyczki\n\nOdpowiadam: tak.",
                "quotedPostId",
                "" + first);
        assertThat(replied.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(replied)).contains("#wpis-");
        String after = stefanClient.get(NETWORK + "/watki/" + thread).body();
        assertThat(after).contains("href=\"/dyskusje/siec-koordynatorow/watki/" + thread + "#wpis-" + first + "\"");

        // A quote of a post of another thread is refused beside the text, which stays.
        long other = jdbc.sql("select min(id) from discussion_post where thread_id <> :t")
                .param("t", thread)
                .query(Long.class)
                .single();
        HttpResponse<String> wrong = stefanClient.post(
                NETWORK + "/watki/" + thread + "/odpowiedz",
                "body",
                "Cytat z innego wątku",
                "quotedPostId",
                "" + other);
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Cytat z innego wątku");
    }

    @Test
    void followersOfAThreadGetAnEmailForEachNewPostButNotForTheirOwn() {
        SignedInClient kinga = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.45.7");
        kinga.submit(
                MALOPOLSKIE + "/nowy-watek",
                MALOPOLSKIE + "/nowy-watek",
                "title",
                PREFIX + " obserwowany",
                "body",
                "Start.");
        long thread = testing.thread(PREFIX + " obserwowany");
        SignedInClient kamila = testing.signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.45.8");
        kamila.get(MALOPOLSKIE + "/watki/" + thread);
        assertThat(kamila.post(MALOPOLSKIE + "/watki/" + thread + "/obserwuj", "obserwuj", "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(kamila.get(MALOPOLSKIE + "/watki/" + thread).body()).contains("Przestań obserwować wątek");

        kinga.get(MALOPOLSKIE + "/watki/" + thread);
        kinga.post(MALOPOLSKIE + "/watki/" + thread + "/odpowiedz", "body", "Druga wiadomość do obserwujących.");
        kamila.post(MALOPOLSKIE + "/watki/" + thread + "/odpowiedz", "body", "Moja własna odpowiedź.");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                testing.mails("discussionPost", DemoAccounts.COMMITTEE_MALOPOLSKIE, "Druga wiadomość"))
                        .isEqualTo(1));
        assertThat(testing.mails("discussionPost", DemoAccounts.COMMITTEE_MALOPOLSKIE, "Moja własna"))
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DISCUSSION_SUBSCRIBED'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void theAuthorEditsWithinTheLimitAStaleEditIsAConflictAndAnothersPostIsNotThere() {
        SignedInClient kinga = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.45.9");
        kinga.submit(
                NETWORK + "/nowy-watek",
                NETWORK + "/nowy-watek",
                "title",
                PREFIX + " edycja",
                "body",
                "Pierwsza wersja kooperatywy.");
        long thread = testing.thread(PREFIX + " edycja");
        long post = testing.lastPost(thread);
        String edit = NETWORK + "/watki/" + thread + "/wpisy/" + post + "/edycja";
        assertThat(testing.found(DemoAccounts.COORDINATOR_SLASKIE, "kooperatywy"))
                .contains("" + post);

        assertThat(kinga.get(edit).statusCode()).isEqualTo(200);
        HttpResponse<String> saved = kinga.post(edit, "body", "Druga wersja o inkubatorach.", "version", "0");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(kinga.get(NETWORK + "/watki/" + thread).body())
                .contains("edytowano ")
                .contains("inkubatorach");
        assertThat(testing.found(DemoAccounts.COORDINATOR_SLASKIE, "inkubator")).contains("" + post);
        assertThat(testing.found(DemoAccounts.COORDINATOR_SLASKIE, "kooperatywy"))
                .doesNotContain("" + post);

        HttpResponse<String> stale = kinga.post(edit, "body", "Trzecia wersja, mój tekst.", "version", "0");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Trzecia wersja, mój tekst.");

        SignedInClient stefan = testing.signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.45.10");
        assertThat(stefan.get(edit).statusCode()).isEqualTo(404);

        // Past the time allowed: the form says so and the save is refused.
        jdbc.sql("update discussion_post set created_at = now() - interval '1 hour' where id = :id")
                .param("id", post)
                .update();
        assertThat(kinga.get(edit).body()).contains("Czas na poprawienie tego wpisu minął");
        assertThat(kinga.post(edit, "body", "Za późno.", "version", "1").statusCode())
                .isEqualTo(422);
    }

    @Test
    void anEditorHidesAPostAfterAskingItLeavesSearchAndComesBackWhenRestored() {
        SignedInClient kinga = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.45.11");
        kinga.submit(
                NETWORK + "/nowy-watek",
                NETWORK + "/nowy-watek",
                "title",
                PREFIX + " moderacja",
                "body",
                "Reklama hulajnóg elektrycznych.");
        long thread = testing.thread(PREFIX + " moderacja");
        long post = testing.lastPost(thread);
        String base = NETWORK + "/watki/" + thread;
        assertThat(testing.found(DemoAccounts.EDITOR, "hulajnoga")).contains("" + post);

        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.45.12");
        assertThat(kinga.get(base + "/wpisy/" + post + "/ukryj").statusCode()).isEqualTo(403);
        assertThat(editor.get(base + "/wpisy/" + post + "/ukryj").body()).contains("Ukryć ten wpis?");
        HttpResponse<String> unasked = editor.post(base + "/wpisy/" + post + "/ukryj", "reason", "Reklama");
        assertThat(SignedInClient.location(unasked)).endsWith("/wpisy/" + post + "/ukryj");
        assertThat(editor.post(base + "/wpisy/" + post + "/ukryj", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(422);
        HttpResponse<String> hidden =
                editor.post(base + "/wpisy/" + post + "/ukryj", "potwierdzenie", "tak", "reason", "Reklama");
        assertThat(hidden.statusCode()).isEqualTo(302);

        String page = kinga.get(base).body();
        assertThat(page).contains("Wpis ukryty przez moderację. Powód: Reklama").doesNotContain("hulajnóg");
        assertThat(testing.found(DemoAccounts.EDITOR, "hulajnoga")).doesNotContain("" + post);

        editor.get(base);
        assertThat(editor.post(base + "/wpisy/" + post + "/przywroc").statusCode())
                .isEqualTo(302);
        assertThat(testing.found(DemoAccounts.EDITOR, "hulajnoga")).contains("" + post);

        // A locked thread takes replies from moderators only; the refused reply keeps its text.
        assertThat(editor.post(base + "/zamknij").statusCode()).isEqualTo(302);
        kinga.get(base);
        HttpResponse<String> refused = kinga.post(base + "/odpowiedz", "body", "Czy mogę jeszcze dopisać?");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Czy mogę jeszcze dopisać?");
        assertThat(editor.post(base + "/odpowiedz", "body", "Moderator zamyka temat.")
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from audit_entry where action in ('DISCUSSION_POST_HIDDEN',"
                                + " 'DISCUSSION_POST_RESTORED', 'DISCUSSION_THREAD_LOCKED') and target_id = :p or"
                                + " (action = 'DISCUSSION_THREAD_LOCKED' and target_id = :t)")
                        .param("p", "" + post)
                        .param("t", "" + thread)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void eachRoleFindsExactlyThePostsOfTheSpacesItMayRead() {
        SignedInClient kinga = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.45.13");
        kinga.submit(
                MALOPOLSKIE + "/nowy-watek",
                MALOPOLSKIE + "/nowy-watek",
                "title",
                PREFIX + " komitet",
                "body",
                "Słowo zabużański tylko w komitecie.");
        kinga.submit(
                NETWORK + "/nowy-watek",
                NETWORK + "/nowy-watek",
                "title",
                PREFIX + " sieć",
                "body",
                "Słowo zabużański w sieci.");
        long committeePost = testing.lastPost(testing.thread(PREFIX + " komitet"));
        long networkPost = testing.lastPost(testing.thread(PREFIX + " sieć"));
        String word = "zabużański";

        assertThat(testing.found(DemoAccounts.COORDINATOR_MALOPOLSKIE, word))
                .contains("" + committeePost, "" + networkPost);
        assertThat(testing.found(DemoAccounts.COMMITTEE_MALOPOLSKIE, word))
                .contains("" + committeePost)
                .doesNotContain("" + networkPost);
        assertThat(testing.found(DemoAccounts.COORDINATOR_SLASKIE, word))
                .contains("" + networkPost)
                .doesNotContain("" + committeePost);
        assertThat(testing.found(DemoAccounts.EDITOR, word))
                .contains("" + networkPost)
                .doesNotContain("" + committeePost);
        assertThat(testing.found(DemoAccounts.ADMINISTRATOR, word)).contains("" + committeePost, "" + networkPost);
        for (String outsider :
                new String[] {DemoAccounts.PARTICIPANT, DemoAccounts.EXPERT, DemoAccounts.CENTRAL_INSTITUTION, null}) {
            assertThat(testing.found(outsider, word))
                    .as("%s", outsider)
                    .doesNotContain("" + committeePost, "" + networkPost);
        }
    }

    @Test
    void aGroupShowsWhoMayReadItAndAChangeOfMembersMovesItsPostsInSearch() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.45.14");
        HttpResponse<String> opened = editor.submit(
                "/dyskusje/nowa-grupa",
                "/dyskusje/nowa-grupa",
                "name",
                PREFIX + " grupa",
                "description",
                "Grupa próbna.",
                "members",
                DemoAccounts.EXPERT);
        assertThat(opened.statusCode()).isEqualTo(302);
        String group = SignedInClient.location(opened);
        String groupPage = editor.get(group).body();
        assertThat(groupPage).contains("Edward Ekspercki").contains("Kto może czytać i pisać");
        editor.submit(
                group + "/nowy-watek",
                group + "/nowy-watek",
                "title",
                PREFIX + " w grupie",
                "body",
                "Słowo przyczółek w grupie.");
        long post = testing.lastPost(testing.thread(PREFIX + " w grupie"));
        assertThat(testing.found(DemoAccounts.EXPERT, "przyczółek")).contains("" + post);
        assertThat(testing.found(DemoAccounts.EXPERT_OTHER, "przyczółek")).doesNotContain("" + post);
        SignedInClient other = testing.signedIn(DemoAccounts.EXPERT_OTHER, "127.0.45.15");
        assertThat(other.get(group).statusCode()).isEqualTo(404);

        // The adviser replaces the expert: the index follows at once.
        HttpResponse<String> changed = editor.submit(
                group + "/ustawienia",
                group + "/ustawienia",
                "name",
                PREFIX + " grupa",
                "members",
                DemoAccounts.EXPERT_OTHER,
                "version",
                "0");
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(testing.found(DemoAccounts.EXPERT, "przyczółek")).doesNotContain("" + post);
        assertThat(testing.found(DemoAccounts.EXPERT_OTHER, "przyczółek")).contains("" + post);
        assertThat(other.get(group).statusCode()).isEqualTo(200);

        // A stale save of the settings is a conflict that keeps what was typed; an unknown address is refused.
        HttpResponse<String> stale = editor.submit(
                group + "/ustawienia", group + "/ustawienia", "name", PREFIX + " grupa nowa", "version", "0");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains(PREFIX + " grupa nowa");
        assertThat(editor.submit(
                                group + "/ustawienia",
                                group + "/ustawienia",
                                "name",
                                PREFIX + " grupa",
                                "members",
                                "nikt@nigdzie.example",
                                "version",
                                "1")
                        .statusCode())
                .isEqualTo(422);
    }
}
