package pl.koordes.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Each role over the same six documents — one public, five internal for different readers — sees exactly what it
 * may open, in the list, on the pages (an id tried by hand is 404) and in search; nobody is shown a title, an
 * excerpt or a count of the rest.
 */
@IntegrationTest
class LibraryAudienceIntegrationTests {

    private static final String PREFIX = "Test czytelników";
    /** A word only these documents hold, to search for. */
    private static final String WORD = "ksylofon";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndex index;

    LibraryTesting testing;

    @BeforeEach
    void setUp() {
        testing = new LibraryTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void eachRoleSeesExactlyWhatItMayOpen() {
        long malopolskie = testing.regionId("malopolskie");
        long slaskie = testing.regionId("slaskie");
        SignedInClient admin = testing.signedIn(DemoAccounts.ADMINISTRATOR, "127.0.44.60");
        Map<String, String[]> documents = new LinkedHashMap<>();
        documents.put("A publiczny", new String[] {"regionId", ""});
        documents.put("B dla redakcji", new String[] {"regionId", "", "publicDocument", "false"});
        documents.put("C małopolski", new String[] {"regionId", "" + malopolskie, "publicDocument", "false"});
        documents.put(
                "D dla komitetów",
                new String[] {"regionId", "", "publicDocument", "false", "readerRoles", "COMMITTEE_MEMBER"});
        documents.put(
                "E dla śląskiego",
                new String[] {"regionId", "", "publicDocument", "false", "readerRegions", "" + slaskie});
        documents.put("F dla ekspertów małopolski", new String[] {
            "regionId", "", "publicDocument", "false", "readerRoles", "EXPERT", "readerRegions", "" + malopolskie
        });
        for (Map.Entry<String, String[]> document : documents.entrySet()) {
            admin.get("/biblioteka/nowy");
            String[] all =
                    LibraryTesting.fields(PREFIX + " " + document.getKey() + " " + WORD, "", document.getValue());
            assertThat(admin.post("/biblioteka/nowy", all).statusCode())
                    .as(document.getKey())
                    .isEqualTo(302);
        }

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("", List.of("A"));
        expected.put(DemoAccounts.PARTICIPANT, List.of("A"));
        expected.put(DemoAccounts.COORDINATOR_MALOPOLSKIE, List.of("A", "C"));
        expected.put(DemoAccounts.COORDINATOR_SLASKIE, List.of("A", "E"));
        expected.put(DemoAccounts.COMMITTEE_MALOPOLSKIE, List.of("A", "D"));
        expected.put(DemoAccounts.EXPERT, List.of("A", "F"));
        expected.put(DemoAccounts.CENTRAL_INSTITUTION, List.of("A"));
        expected.put(DemoAccounts.EDITOR, List.of("A", "B", "C", "D", "E", "F"));
        expected.put(DemoAccounts.ADMINISTRATOR, List.of("A", "B", "C", "D", "E", "F"));
        int address = 61;
        for (Map.Entry<String, List<String>> actor : expected.entrySet()) {
            String email = actor.getKey();
            SignedInClient client = email.isEmpty()
                    ? testing.anonymous("127.0.44." + address)
                    : testing.signedIn(email, "127.0.44." + address);
            address++;
            String list = client.get("/biblioteka?q=" + WORD).body();
            assertThat(list).contains(countText(actor.getValue().size()));
            Set<String> audience = SearchAudience.of(email.isEmpty() ? null : user(email));
            List<String> found = LibraryTesting.found(index, WORD, audience);
            for (String document : documents.keySet()) {
                String title = PREFIX + " " + document + " " + WORD;
                boolean may = actor.getValue().contains(document.substring(0, 1));
                long id = testing.idOf(title);
                assertThat(list.contains(title))
                        .as(email + " lists " + document)
                        .isEqualTo(may);
                assertThat(client.get("/biblioteka/" + id).statusCode())
                        .as(email + " opens " + document)
                        .isEqualTo(may ? 200 : 404);
                assertThat(found.contains(title))
                        .as(email + " finds " + document)
                        .isEqualTo(may);
            }
            assertThat(found).hasSize(actor.getValue().size());
        }
    }

    private static String countText(int count) {
        return switch (count) {
            case 1 -> "Znaleziono 1 dokument.";
            case 2 -> "Znaleziono 2 dokumenty.";
            default -> "Znaleziono " + count + " dokumentów.";
        };
    }

    /** The demo account as the platform sees it once signed in: its roles, for its search tokens. */
    private CurrentUser user(String email) {
        long id = jdbc.sql("select id from account where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
        List<RoleAssignment> roles = jdbc.sql("select role, region_id from role_assignment where account_id = :a")
                .param("a", id)
                .query((rs, n) -> new RoleAssignment(Role.valueOf(rs.getString(1)), rs.getObject(2, Long.class)))
                .list();
        return new CurrentUser(id, email, email, roles, "pl");
    }
}
