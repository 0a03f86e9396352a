package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.accounts.RouteMatrix.Actor;
import pl.koordes.accounts.RouteMatrix.Answer;
import pl.koordes.accounts.RouteMatrix.Row;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Nobody reaches data of a region they are not scoped to, unless it is public: the scope rules of
 * {@link CurrentUser} on the demo accounts as stored, and attempts to reach another region's data by
 * changing the address (IDOR). Modules with region-scoped routes extend the route matrix; the swap
 * test below then tries each of those routes with the region in the address exchanged.
 */
@IntegrationTest
class RegionScopeIntegrationTests {

    static final String OWN_REGION = "malopolskie";
    static final String OTHER_REGION = "slaskie";

    @Autowired
    Accounts accounts;

    @Autowired
    Directory directory;

    @Autowired
    WebApplicationContext context;

    long own;
    long other;

    @BeforeEach
    void setUp() {
        own = directory.region(OWN_REGION).map(Region::id).orElseThrow();
        other = directory.region(OTHER_REGION).map(Region::id).orElseThrow();
    }

    @Test
    void aCoordinatorCoversTheirOwnRegionOnly() {
        CurrentUser malopolskie = user(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        CurrentUser slaskie = user(DemoAccounts.COORDINATOR_SLASKIE);

        assertThat(malopolskie.has(Role.REGIONAL_COORDINATOR, own)).isTrue();
        assertThat(malopolskie.has(Role.REGIONAL_COORDINATOR, other)).isFalse();
        assertThat(malopolskie.regionsOf(Role.REGIONAL_COORDINATOR)).containsExactly(own);
        assertThat(slaskie.has(Role.REGIONAL_COORDINATOR, other)).isTrue();
        assertThat(slaskie.has(Role.REGIONAL_COORDINATOR, own)).isFalse();
        for (Region region : directory.regions()) {
            assertThat(malopolskie.has(Role.REGIONAL_COORDINATOR, region.id()))
                    .as(region.slug())
                    .isEqualTo(region.id() == own);
        }
        // Holding a regional role somewhere is not holding it everywhere, nor holding another role there.
        assertThat(malopolskie.has(Role.REGIONAL_COORDINATOR)).isTrue();
        assertThat(malopolskie.has(Role.COMMITTEE_MEMBER, own)).isFalse();
        assertThat(malopolskie.administrator()).isFalse();

        CurrentUser committee = user(DemoAccounts.COMMITTEE_MALOPOLSKIE);
        assertThat(committee.has(Role.COMMITTEE_MEMBER, own)).isTrue();
        assertThat(committee.has(Role.COMMITTEE_MEMBER, other)).isFalse();
        assertThat(committee.has(Role.REGIONAL_COORDINATOR, own)).isFalse();
    }

    @Test
    void aRoleWithoutRegionCoversEveryRegionAndOnlyForThatRole() {
        List<Region> regions = directory.regions();
        assertThat(regions).hasSize(16);
        for (String email : List.of(
                DemoAccounts.ADMINISTRATOR,
                DemoAccounts.EDITOR,
                DemoAccounts.EXPERT,
                DemoAccounts.CENTRAL_INSTITUTION,
                DemoAccounts.PARTICIPANT)) {
            CurrentUser user = user(email);
            Role role = user.roles().getFirst().role();
            assertThat(user.roles()).as(email).allMatch(r -> r.regionId() == null);
            assertThat(user.regionsOf(role)).as(email).isEmpty();
            for (Region region : regions) {
                assertThat(user.has(role, region.id()))
                        .as("%s in %s", email, region.slug())
                        .isTrue();
                assertThat(user.has(Role.REGIONAL_COORDINATOR, region.id()))
                        .as("%s as coordinator", email)
                        .isFalse();
            }
        }
        // A country-wide assignment of a regional role covers every region too.
        CurrentUser national = new CurrentUser(
                1, "x@test.koordes.example", "X", List.of(new RoleAssignment(Role.REGIONAL_COORDINATOR, null)), "pl");
        assertThat(regions).allMatch(region -> national.has(Role.REGIONAL_COORDINATOR, region.id()));
    }

    @Test
    void theAccountPagesShowOnlyTheSignedInPersonWhateverTheAddressSays() {
        ActorRequests requests = new ActorRequests(context);
        long otherId = user(DemoAccounts.COORDINATOR_SLASKIE).id();
        for (String path : List.of(
                "/konto?id=" + otherId,
                "/konto?email=" + DemoAccounts.COORDINATOR_SLASKIE,
                "/konto?user=" + otherId + "&region=" + other)) {
            Answer answer = requests.request(Actor.REGIONAL_COORDINATOR, "GET", path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            String main = answer.body()
                    .substring(answer.body().indexOf("<main"), answer.body().indexOf("</main>"));
            assertThat(main)
                    .as(path)
                    .contains(DemoAccounts.COORDINATOR_MALOPOLSKIE)
                    .doesNotContain(DemoAccounts.COORDINATOR_SLASKIE)
                    .doesNotContain("Stefan Koordynacyjny");
        }
        for (String path : List.of(
                "/konto/moje-dane.json?id=" + otherId,
                "/konto/moje-dane.json?email=" + DemoAccounts.COORDINATOR_SLASKIE + "&accountId=" + otherId)) {
            Answer answer = requests.request(Actor.REGIONAL_COORDINATOR, "GET", path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            // The other person's name may stand in the coordinator's own records (a notice "Stefan Koordynacyjny
            // pisze w obserwowanym wątku…" is hers); the account exported, and every address in it, must be hers.
            assertThat(answer.body())
                    .as(path)
                    .contains("\"email\" : \"" + DemoAccounts.COORDINATOR_MALOPOLSKIE + "\"")
                    .doesNotContain(DemoAccounts.COORDINATOR_SLASKIE)
                    .doesNotContain("\"displayName\" : \"Stefan Koordynacyjny\"");
        }
    }

    /**
     * The extension point for region-scoped routes: every matrix row whose sample names małopolskie is
     * requested again with śląskie in its place. The coordinator of małopolskie asking for śląskie's
     * address must get what the matrix gives the other region's coordinator for małopolskie's, and the
     * coordinator of śląskie must get what the matrix gives the own coordinator — the address, not the
     * person, must not decide who sees what.
     */
    @Test
    void swappingTheRegionInTheAddressGivesTheOtherRegionsAnswer() {
        ActorRequests requests = new ActorRequests(context);
        List<Row> regional = RouteMatrix.load().rows().stream()
                .filter(row -> row.sample().contains(OWN_REGION))
                .toList();
        assertThat(regional).as("matrix rows whose sample names %s", OWN_REGION).isNotEmpty();
        List<String> wrong = new ArrayList<>();
        for (Row row : regional) {
            String swapped = row.sample().replace(OWN_REGION, OTHER_REGION);
            check(
                    requests,
                    row,
                    swapped,
                    Actor.REGIONAL_COORDINATOR,
                    row.expected().get(Actor.REGIONAL_COORDINATOR_OTHER_REGION),
                    wrong);
            check(
                    requests,
                    row,
                    swapped,
                    Actor.REGIONAL_COORDINATOR_OTHER_REGION,
                    row.expected().get(Actor.REGIONAL_COORDINATOR),
                    wrong);
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(
            ActorRequests requests, Row row, String path, Actor actor, String expected, List<String> wrong) {
        Answer answer = requests.request(actor, row.method(), path);
        if (!RouteMatrix.matches(expected, answer)) {
            wrong.add(row.method() + " " + path + " as " + actor + ": expected " + expected + ", got "
                    + RouteMatrix.describe(answer) + " (" + RouteMatrix.SOURCE_PATH + ":" + row.line() + ")");
        }
    }

    private CurrentUser user(String email) {
        return accounts.currentUser(accounts.byEmail(email).orElseThrow());
    }
}
