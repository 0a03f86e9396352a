package pl.koordes.accounts.internal;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.AccountAction;
import pl.koordes.accounts.AccountStatus;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.shared.web.PublicAddress;

/**
 * No default credentials: on the first start of an empty database one administrator is created
 * from configuration, without a password, and a single-use set-up link is written to the log.
 */
@Component
@Order(0)
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);
    static final Duration SETUP_VALIDITY = Duration.ofDays(3);

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final AuditLog audit;
    private final AccountsProperties properties;
    private final PublicAddress address;
    private final JdbcClient jdbc;

    /** The advisory lock the first start holds while it decides; any number, the same on every node ("KoordES1"). */
    static final long FIRST_START_LOCK = 0x4b6f6f7264455331L;

    BootstrapAdministrator(
            JdbcClient jdbc,
            Accounts accounts,
            AccountTokens tokens,
            AuditLog audit,
            AccountsProperties properties,
            PublicAddress address) {
        this.jdbc = jdbc;
        this.address = address;
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // Two nodes started at once on an empty database would both find no account and both create the
        // administrator (the second failing its start on the unique e-mail): one decides at a time, the other then
        // finds the account made.
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", FIRST_START_LOCK)
                .query((rs, n) -> 1)
                .list();
        if (accounts.any()) {
            return;
        }
        String email = properties.bootstrapAdminEmail();
        long id = accounts.create(email, "Administrator", AccountStatus.INVITED, null, "pl");
        accounts.grant(id, new RoleAssignment(Role.ADMINISTRATOR, null));
        String token = tokens.issue(id, AccountTokens.Purpose.SETUP, SETUP_VALIDITY);
        audit.record(
                null, "system", AccountAction.BOOTSTRAP_ADMIN_CREATED, "account", id, null, Map.of("email", email));
        log.warn(
                "First start: administrator {} created. Set the password within {} days at {}/zaproszenie?token={}",
                email,
                SETUP_VALIDITY.toDays(),
                address.url(),
                token);
    }
}
