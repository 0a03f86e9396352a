package pl.koordes.accounts.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.AccountStatus;
import pl.koordes.shared.golive.GoLiveCheck;
import pl.koordes.shared.security.Role;

/**
 * The administrators before launch: the first administrator (created from
 * {@code koordes.accounts.bootstrap-admin-email}) has a real address, has set a password and a second
 * factor; every active administrator has a second factor, and the setting requires one.
 */
@Component
class AdministratorsGoLiveCheck implements GoLiveCheck {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccountsProperties properties;

    AdministratorsGoLiveCheck(JdbcClient jdbc, Accounts accounts, AccountsProperties properties) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public List<Item> items() {
        return List.of(bootstrap(), secondFactors());
    }

    private Item bootstrap() {
        String email = properties.bootstrapAdminEmail();
        Optional<Accounts.Row> account = accounts.byEmail(email);
        boolean example = email.endsWith(".example") || email.endsWith(".test");
        String state;
        if (account.isEmpty()) {
            state = "admin.golive.bootstrap.state.gone";
        } else if (account.get().status() != AccountStatus.ACTIVE) {
            state = "admin.golive.bootstrap.state.notSetUp";
        } else if (!account.get().totpEnabled()) {
            state = "admin.golive.bootstrap.state.noSecondFactor";
        } else {
            state = "admin.golive.bootstrap.state.ready";
        }
        boolean ready = account.isEmpty()
                || (account.get().status() == AccountStatus.ACTIVE
                        && account.get().totpEnabled());
        List<Finding> findings = account.map(row -> List.of(new Finding(row.email(), null, "/admin/osoby/" + row.id())))
                .orElse(List.of());
        return new Item(
                40,
                "admin.golive.bootstrap.title",
                ready && !example,
                example ? "admin.golive.bootstrap.state.example" : state,
                List.of(email),
                "admin.golive.bootstrap.advice",
                findings);
    }

    private Item secondFactors() {
        List<Finding> without = jdbc.sql("""
                        select distinct a.id, a.email from account a join role_assignment r on r.account_id = a.id
                        where r.role = :role and a.status = 'ACTIVE' and not a.totp_enabled order by a.email""")
                .param("role", Role.ADMINISTRATOR.name())
                .query((rs, n) -> new Finding(rs.getString("email"), null, "/admin/osoby/" + rs.getLong("id")))
                .list();
        boolean required = properties.secondFactorRequiredFor().contains(Role.ADMINISTRATOR);
        return new Item(
                41,
                "admin.golive.secondFactor.title",
                required && without.isEmpty(),
                required ? "admin.golive.secondFactor.state" : "admin.golive.secondFactor.state.notRequired",
                List.of(without.size()),
                "admin.golive.secondFactor.advice",
                without);
    }
}
