package pl.koordes.accounts.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.AccountAction;
import pl.koordes.accounts.AccountStatus;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.shared.security.SecureRandoms;

/**
 * The rights of the GDPR for people without an account (a visitor who registered for an event or left a
 * comment with their address): they ask at {@code /moje-dane}, a link goes to the address, and following
 * it shows their data, lets them download it and erase it. The answer to the request is the same whether
 * anything is held or not; an address with an account is sent to the account page instead.
 */
@Service
public class VisitorDataAccess {

    /** How long the link works. */
    static final Duration VALIDITY = Duration.ofHours(2);

    private static final SecureRandom RANDOM = SecureRandoms.perThread();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Mailer mailer;
    private final AuditLog audit;
    private final List<PersonalData> personalData;
    private final Clock clock;

    VisitorDataAccess(
            JdbcClient jdbc,
            Accounts accounts,
            Mailer mailer,
            AuditLog audit,
            List<PersonalData> personalData,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mailer = mailer;
        this.audit = audit;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** Sends the link (or, for an address with an account, the way to the account page); the same work either way. */
    @Transactional
    public void requestLink(String email, Locale locale) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        boolean hasAccount = accounts.byEmail(email)
                .filter(row -> row.status() != AccountStatus.DELETED)
                .isPresent();
        if (!hasAccount) {
            jdbc.sql(
                            "insert into accounts_personal_data_link (token_hash, email, expires_at) values (:hash, :email, :expires)")
                    .param("hash", AccountTokens.hash(secret))
                    .param("email", email)
                    .param("expires", Timestamp.from(clock.instant().plus(VALIDITY)))
                    .update();
        }
        mailer.send(
                email,
                locale,
                "accounts/mail/personalData",
                Map.of(
                        "path",
                        hasAccount ? "/konto" : "/moje-dane/dostep?token=" + secret,
                        "hasAccount",
                        hasAccount,
                        "hours",
                        VALIDITY.toHours()));
        jdbc.sql("delete from accounts_personal_data_link where expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The address a working link is for. */
    @Transactional(readOnly = true)
    public Optional<String> address(String token) {
        if (token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select email from accounts_personal_data_link
                        where token_hash = :hash and expires_at > :now and erased_at is null
                        """)
                .param("hash", AccountTokens.hash(token))
                .param("now", Timestamp.from(clock.instant()))
                .query(String.class)
                .optional();
    }

    /** Everything every module keeps about the address. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> export(String token) {
        return address(token).map(email -> {
            PersonalData.Person person = new PersonalData.Person(null, email, "");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("email", email);
            for (PersonalData module : personalData) {
                data.put(module.section(), module.export(person));
            }
            return data;
        });
    }

    /** Erases everything every module keeps about the address; the link then stops working. False when it no longer works. */
    @Transactional
    public boolean erase(String token) {
        Optional<String> email = address(token);
        if (email.isEmpty()) {
            return false;
        }
        PersonalData.Person person = new PersonalData.Person(null, email.get(), "");
        for (PersonalData module : personalData) {
            module.erase(person);
        }
        jdbc.sql("update accounts_personal_data_link set erased_at = :now, email = '' where token_hash = :hash")
                .param("now", Timestamp.from(clock.instant()))
                .param("hash", AccountTokens.hash(token))
                .update();
        jdbc.sql("delete from accounts_personal_data_link where lower(email) = lower(:email)")
                .param("email", email.get())
                .update();
        audit.record(null, null, AccountAction.VISITOR_DATA_ERASED, "visitor", null, null, null);
        return true;
    }
}
