package pl.koordes.accounts.internal;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.AccountStatus;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.database.DemoData;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/**
 * One demonstration account per role (documented in the README), never in production. Accounts
 * whose role needs a second factor come enrolled with a published TOTP key, so the demo can be tried.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("koordes.site.demo")
class AccountsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountsDemoData.class);

    /** The shared demo password; the README lists it. */
    static final String PASSWORD = "Demo: koordes łąka 2026";
    /** The published TOTP key of the demo accounts that need a second factor. */
    static final String TOTP_SECRET = "KOORDESDEMOKOORDESDEMOKOORDESDEM";

    /**
     * @param regionSlug the region of a regional role
     * @param institution the short name of the central institution the role is held for
     */
    private record DemoAccount(
            String email,
            String name,
            Role role,
            @Nullable String regionSlug,
            @Nullable String institution) {

        DemoAccount(String email, String name, Role role, @Nullable String regionSlug) {
            this(email, name, role, regionSlug, null);
        }
    }

    private static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("administrator@demo.koordes.example", "Ada Administracyjna", Role.ADMINISTRATOR, null),
            new DemoAccount("redaktor@demo.koordes.example", "Roman Redakcyjny", Role.EDITOR, null),
            new DemoAccount(
                    "koordynator.malopolskie@demo.koordes.example",
                    "Kinga Koordynacyjna",
                    Role.REGIONAL_COORDINATOR,
                    "malopolskie"),
            new DemoAccount(
                    "koordynator.slaskie@demo.koordes.example",
                    "Stefan Koordynacyjny",
                    Role.REGIONAL_COORDINATOR,
                    "slaskie"),
            new DemoAccount(
                    "komitet.malopolskie@demo.koordes.example",
                    "Kamila Komitetowa",
                    Role.COMMITTEE_MEMBER,
                    "malopolskie"),
            new DemoAccount("ekspert@demo.koordes.example", "Edward Ekspercki", Role.EXPERT, null),
            new DemoAccount("doradczyni@demo.koordes.example", "Dorota Doradcza", Role.EXPERT, null),
            new DemoAccount(
                    "ministerstwo@demo.koordes.example",
                    "Irena Instytucjonalna",
                    Role.CENTRAL_INSTITUTION,
                    null,
                    "MRPiPS"),
            new DemoAccount(
                    "fundusze@demo.koordes.example", "Feliks Funduszowy", Role.CENTRAL_INSTITUTION, null, "MFiPR"),
            new DemoAccount("uczestnik@demo.koordes.example", "Urszula Uczestnicząca", Role.PARTICIPANT, null));

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final DemoData demoData;
    private final Directory directory;

    AccountsDemoData(Accounts accounts, PasswordEncoder passwordEncoder, DemoData demoData, Directory directory) {
        this.accounts = accounts;
        this.passwords = passwordEncoder;
        this.demoData = demoData;
        this.directory = directory;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.claim("accounts")) {
            return;
        }
        String hash = passwords.encode(PASSWORD);
        for (DemoAccount demo : ACCOUNTS) {
            long id = accounts.create(demo.email(), demo.name(), AccountStatus.ACTIVE, hash, "pl");
            Long region = demo.regionSlug() == null
                    ? null
                    : directory.region(demo.regionSlug()).map(Region::id).orElseThrow();
            Long institution = demo.institution() == null
                    ? null
                    : directory.centralInstitutions().stream()
                            .filter(i -> Objects.equals(demo.institution(), i.shortName()))
                            .map(CentralInstitution::id)
                            .findFirst()
                            .orElseThrow();
            accounts.grant(id, new RoleAssignment(demo.role(), region, institution));
            if (demo.role() == Role.ADMINISTRATOR || demo.role() == Role.REGIONAL_COORDINATOR) {
                accounts.setSecondFactor(id, TOTP_SECRET, true);
            }
        }
        log.info("Loaded {} demonstration accounts (see README)", ACCOUNTS.size());
    }
}
