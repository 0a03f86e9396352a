package pl.koordes.postulates;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/** Postulates and people the support tests make for themselves. */
final class SupportTesting {

    private SupportTesting() {}

    /** A postulate of the region, submitted now, open for signatures for {@code openHours} (negative: closed). */
    static long submitted(JdbcClient jdbc, String regionSlug, String title, int openHours) {
        return jdbc.sql("""
                        insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                                                          created_at, updated_at, submitted_at, signing_closes_at)
                        select r.id, (select min(id) from institution where kind = 'CENTRAL'), :title,
                               'Problem do rozwiązania', 'Propozycja rozwiązania', 'SUBMITTED',
                               now() - interval '2 days', now() - interval '2 days', now() - interval '1 day',
                               now() + make_interval(hours => :hours)
                        from region r where r.slug = :slug
                        returning id
                        """)
                .param("title", title)
                .param("hours", openHours)
                .param("slug", regionSlug)
                .query(Long.class)
                .single();
    }

    static long region(JdbcClient jdbc, String slug) {
        return jdbc.sql("select id from region where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .single();
    }

    static List<Long> regions(JdbcClient jdbc) {
        return jdbc.sql("select id from region order by id").query(Long.class).list();
    }

    /** A signed-in coordinator of the region, as the session would hold one (the account id is made up). */
    static CurrentUser coordinator(long accountId, long regionId) {
        return new CurrentUser(
                accountId,
                "koordynacja-" + accountId + "@test.koordes.example",
                "Koordynacja " + accountId,
                List.of(new RoleAssignment(Role.REGIONAL_COORDINATOR, regionId, null)),
                "pl");
    }

    static CurrentUser participant(long accountId) {
        return new CurrentUser(
                accountId,
                "uczestnictwo-" + accountId + "@test.koordes.example",
                "Osoba " + accountId,
                List.of(new RoleAssignment(Role.PARTICIPANT, null, null)),
                "pl");
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
