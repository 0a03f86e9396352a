package pl.koordes.committees;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * The composition page (current members, kinds of bodies represented and missing, the history of ended terms), the
 * secretary's linking of a member to an account (wrong region, no such account, an account already linked, hostile
 * input), the public record on the region page (no draft, no internal resolution, no contact), and the linked
 * membership in a person's data.
 */
@IntegrationTest
class CompositionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PersonalData> sections;

    long kamila;
    long kamilaAccount;

    @BeforeEach
    void remember() {
        kamilaAccount = jdbc.sql("select id from account where email = :e")
                .param("e", DemoAccounts.COMMITTEE_MALOPOLSKIE)
                .query(Long.class)
                .single();
        kamila = jdbc.sql("select id from committee_membership where account_id = :a")
                .param("a", kamilaAccount)
                .query(Long.class)
                .single();
    }

    @AfterEach
    void restore() {
        jdbc.sql("update committee_membership set account_id = null where account_id = :a")
                .param("a", kamilaAccount)
                .update();
        jdbc.sql("update committee_membership set account_id = :a where id = :m")
                .param("a", kamilaAccount)
                .param("m", kamila)
                .update();
    }

    private SignedInClient signedIn(String email, String address) {
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        SignedInClient client = new SignedInClient(port, address);
        client.signInFully(
                email,
                DemoAccounts.PASSWORD,
                email.equals(DemoAccounts.ADMINISTRATOR) || email.startsWith("koordynator.")
                        ? DemoAccounts.TOTP_SECRET
                        : null);
        client.get("/konto");
        return client;
    }

    private long member(String slug, String name) {
        return jdbc.sql("""
                        select m.id from committee_membership m join committee c on c.id = m.committee_id
                        join region r on r.id = c.region_id where r.slug = :slug and m.full_name = :name""")
                .param("slug", slug)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    private long audit(long membership) {
        return jdbc.sql("""
                        select count(*) from audit_entry where action = 'COMMITTEE_MEMBER_LINKED' and target_id = :t""")
                .param("t", String.valueOf(membership))
                .query(Long.class)
                .single();
    }

    /** The linked account, 0 for none. */
    private long linked(long membership) {
        return jdbc.sql("select coalesce(account_id, 0) from committee_membership where id = :id")
                .param("id", membership)
                .query(Long.class)
                .single();
    }

    @Test
    void theCompositionShowsCurrentMembersTheKindsCoveredAndMissingAndTheHistoryApart() {
        SignedInClient coordinator = signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.41.10");
        HttpResponse<String> page = coordinator.get("/komitet/malopolskie/sklad");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        int history = body.indexOf("Historia składu");
        assertThat(history).isPositive();
        // The member whose term ended is in the history only; the member who joined mid-way is current.
        assertThat(body.indexOf("Roman Próbny")).isGreaterThan(history);
        assertThat(body.indexOf("Helena Wzorcowa")).isBetween(0, history);
        assertThat(body.substring(0, history))
                .contains("Brakuje przedstawicieli 2 rodzajów podmiotów:")
                .contains("Związki zawodowe")
                .contains("Wojewódzka rada działalności pożytku publicznego")
                .contains(": 7 z 9.");
        assertThat(body).contains("/komitet/malopolskie/sklad/" + kamila);

        SignedInClient member = signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.41.11");
        HttpResponse<String> read = member.get("/komitet/malopolskie/sklad");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Bartosz Umowny").doesNotContain("/komitet/malopolskie/sklad/" + kamila);
        assertThat(member.get("/komitet/malopolskie/sklad/" + kamila).statusCode())
                .isEqualTo(403);

        SignedInClient other = signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.41.12");
        assertThat(other.get("/komitet/malopolskie/sklad").statusCode()).isEqualTo(403);
        assertThat(other.get("/komitet/slaskie/sklad/" + kamila).statusCode())
                .as("another committee's member by id")
                .isEqualTo(404);
        assertThat(other.get("/komitet/nie-ma-takiego/sklad").statusCode()).isEqualTo(404);
    }

    @Test
    void theSecretaryLinksAMemberOnlyToACommitteeMemberAccountOfTheRegion() {
        SignedInClient coordinator = signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.41.20");
        long other = member("malopolskie", "Bartosz Umowny");
        String base = "/komitet/malopolskie/sklad/";

        HttpResponse<String> unknown =
                coordinator.post(base + other + "/konto", "accountEmail", "nikt@test.koordes.example");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Nie ma konta członka komitetu z tym adresem");
        HttpResponse<String> notMember =
                coordinator.post(base + other + "/konto", "accountEmail", DemoAccounts.COORDINATOR_MALOPOLSKIE);
        assertThat(notMember.statusCode()).isEqualTo(422);
        HttpResponse<String> taken =
                coordinator.post(base + other + "/konto", "accountEmail", DemoAccounts.COMMITTEE_MALOPOLSKIE);
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("już powiązane z innym członkiem");
        assertThat(linked(other)).isZero();

        // Unlinking asks first: without the answer nothing changes.
        HttpResponse<String> unasked = coordinator.post(base + kamila + "/odlacz");
        assertThat(unasked.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(unasked)).endsWith(base + kamila + "/odlacz");
        assertThat(linked(kamila)).isEqualTo(kamilaAccount);
        assertThat(coordinator.get(base + kamila + "/odlacz").body()).contains("Odłączyć konto od członka komitetu?");
        long before = audit(kamila);
        assertThat(coordinator
                        .post(base + kamila + "/odlacz", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(linked(kamila)).isZero();
        assertThat(audit(kamila)).isEqualTo(before + 1);

        // Now free: linked again to another member, the address typed in capitals.
        HttpResponse<String> relinked = coordinator.post(
                base + other + "/konto", "accountEmail", " " + DemoAccounts.COMMITTEE_MALOPOLSKIE.toUpperCase() + " ");
        assertThat(relinked.statusCode()).isEqualTo(302);
        assertThat(linked(other)).isEqualTo(kamilaAccount);
        assertThat(audit(other)).isPositive();

        // The kind of body.
        assertThat(coordinator
                        .post(base + other + "/rodzaj", "bodyKind", "TRADE_UNION")
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select body_kind from committee_membership where id = :id")
                        .param("id", other)
                        .query(String.class)
                        .single())
                .isEqualTo("TRADE_UNION");
        assertThat(coordinator
                        .post(base + other + "/rodzaj", "bodyKind", "NOT_A_KIND")
                        .statusCode())
                .isEqualTo(422);
        jdbc.sql("update committee_membership set body_kind = 'EMPLOYERS' where id = :id")
                .param("id", other)
                .update();
    }

    @Test
    void anAccountOfAnotherRegionsCommitteeIsRefusedWithItsReason() {
        SignedInClient coordinator = signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.41.30");
        long member = member("slaskie", "Wiktor Makietowy");
        HttpResponse<String> refused = coordinator.post(
                "/komitet/slaskie/sklad/" + member + "/konto", "accountEmail", DemoAccounts.COMMITTEE_MALOPOLSKIE);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("innego województwa");
        assertThat(linked(member)).isZero();
    }

    @Test
    void hostileInputIsNeverAServerErrorAndComesBackEscaped() {
        SignedInClient coordinator = signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.42.10");
        long member = member("malopolskie", "Bartosz Umowny");
        String base = "/komitet/malopolskie/sklad/" + member;
        SoftAssertions softly = new SoftAssertions();
        for (String line :
                NaughtyStrings.payloadsAnd(List.of("<script>alert(1)</script>", "\u0000", "x".repeat(9000)))) {
            HttpResponse<String> link = coordinator.post(base + "/konto", "accountEmail", line);
            softly.assertThat(link.statusCode()).as("link %s", line).isIn(302, 400, 422);
            softly.assertThat(link.body()).as("link %s", line).doesNotContain("<script>alert(1)</script>");
            HttpResponse<String> kind = coordinator.post(base + "/rodzaj", "bodyKind", line);
            softly.assertThat(kind.statusCode()).as("kind %s", line).isIn(400, 422);
        }
        for (String id : List.of("0", "-1", "99999999999999999999", "1%20or%201=1", "%3Cscript%3E")) {
            softly.assertThat(
                            coordinator.get("/komitet/malopolskie/sklad/" + id).statusCode())
                    .as("id %s", id)
                    .isIn(400, 404);
        }
        softly.assertAll();
        assertThat(linked(member)).isZero();
    }

    @Test
    void theRegionPageLinksThePublicDocumentsOfAPublicMeetingOnly() {
        long meeting = jdbc.sql("""
                        insert into committee_meeting (committee_id, region_id, title, starts_at, ends_at, place,
                            status, public_meeting, convened_at)
                        select c.id, c.region_id, 'Test składu: posiedzenie otwarte', now() + interval '5 days',
                            now() + interval '5 days 2 hours', 'Sala', 'CONVENED', true, now()
                        from committee c join region r on r.id = c.region_id where r.slug = 'malopolskie'
                        order by (current_date between c.term_start and c.term_end) desc, c.term_start desc limit 1
                        returning id""").query(Long.class).single();
        try {
            long open = document(meeting, "Test składu: porządek jawny", true);
            long internal = document(meeting, "Test składu: notatka wewnętrzna", false);

            String page = new Http(port).get("/regiony/malopolskie").body();

            String base = "/komitet/malopolskie/posiedzenia/" + meeting + "/dokumenty/";
            assertThat(page).contains(base + open + "\"").contains("Test składu: porządek jawny");
            assertThat(page).doesNotContain(base + internal + "\"").doesNotContain("notatka wewnętrzna");
            assertThat(new Http(port).get(base + open).statusCode()).isEqualTo(200);
            assertThat(new Http(port).get(base + internal).statusCode()).isEqualTo(404);
        } finally {
            jdbc.sql("delete from committee_meeting where id = :id")
                    .param("id", meeting)
                    .update();
        }
    }

    private long document(long meeting, String title, boolean open) {
        return jdbc.sql("""
                        insert into committee_document (meeting_id, title, file_name, file_type, size_bytes, file_data,
                            public_document)
                        values (:m, :t, 'porzadek.pdf', 'application/pdf', 9, cast('%PDF-1.4\n' as bytea), :p)
                        returning id""")
                .param("m", meeting)
                .param("t", title)
                .param("p", open)
                .query(Long.class)
                .single();
    }

    @Test
    void theRegionPageShowsMeetingsAttendanceAndPublicResolutionsButNothingInternalOrPersonal() {
        String page = new Http(port).get("/regiony/malopolskie").body();
        assertThat(page).contains("Prace regionalnego komitetu rozwoju ekonomii społecznej");
        List<String> held = jdbc.sql("""
                        select title from committee_meeting m join region r on r.id = m.region_id
                        where r.slug = 'malopolskie' and m.status = 'HELD'""").query(String.class).list();
        held.forEach(title -> assertThat(page).contains(title));
        assertThat(page).containsPattern("\\d+ z \\d+ członków").contains("Odwołane");
        String draft = jdbc.sql("""
                        select title from committee_meeting m join region r on r.id = m.region_id
                        where r.slug = 'malopolskie' and m.status = 'DRAFT'""").query(String.class).single();
        assertThat(page).doesNotContain(draft);
        jdbc.sql("""
                        select r.title, r.public_resolution from committee_resolution r join region g on g.id = r.region_id
                        where g.slug = 'malopolskie'""")
                .query((rs, n) -> {
                    if (rs.getBoolean(2)) {
                        assertThat(page).contains(rs.getString(1));
                    } else {
                        assertThat(page).doesNotContain(rs.getString(1));
                    }
                    return null;
                })
                .list();
        long internal = jdbc.sql("""
                        select min(r.id) from committee_resolution r join region g on g.id = r.region_id
                        where g.slug = 'malopolskie' and not r.public_resolution""").query(Long.class).single();
        assertThat(page).doesNotContain("/uchwaly/" + internal + "\"");
        // No member's name, address or telephone, ever.
        jdbc.sql("""
                        select m.email, m.phone from committee_membership m join committee c on c.id = m.committee_id
                        join region r on r.id = c.region_id where r.slug = 'malopolskie'""")
                .query((rs, n) -> {
                    if (rs.getString(1) != null) {
                        assertThat(page).doesNotContain(rs.getString(1));
                    }
                    if (rs.getString(2) != null) {
                        assertThat(page).doesNotContain(rs.getString(2));
                    }
                    return null;
                })
                .list();
        assertThat(page).doesNotContain("@rkres-");
    }

    @Test
    void aLinkedMembershipIsInThePersonsDataAndErasureUnlinksIt() {
        PersonalData memberships = sections.stream()
                .filter(s -> s.section().equals("committeeMemberships"))
                .findFirst()
                .orElseThrow();
        PersonalData.Person who =
                new PersonalData.Person(kamilaAccount, DemoAccounts.COMMITTEE_MALOPOLSKIE, "Kamila Komitetowa");
        assertThat(memberships.export(who).toString())
                .contains("Kamila Komitetowa")
                .contains("COOPERATIVE_UNION")
                .contains("membership=" + kamila);
        memberships.erase(who);
        assertThat(linked(kamila)).isZero();
        assertThat(memberships.export(who).toString()).doesNotContain("Kamila Komitetowa");
    }
}
