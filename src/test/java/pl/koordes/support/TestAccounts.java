package pl.koordes.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts the tests make for themselves: active participants with a known password. */
public final class TestAccounts {

    private TestAccounts() {}

    /** An active participant with this address, name and password; returns the account's id. */
    public static long participant(
            JdbcClient jdbc, PasswordEncoder passwords, String email, String name, String password) {
        long id = jdbc.sql("""
                        insert into account (email, display_name, status, password_hash, language)
                        values (:email, :name, 'ACTIVE', :hash, 'pl') returning id
                        """)
                .param("email", email)
                .param("name", name)
                .param("hash", passwords.encode(password))
                .query(Long.class)
                .single();
        jdbc.sql("insert into role_assignment (account_id, role) values (:id, 'PARTICIPANT')")
                .param("id", id)
                .update();
        return id;
    }
}
