package pl.koordes.accounts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestAccounts;

/**
 * An editor who made audited changes erases their account: the audit log keeps their lines, showing one
 * pseudonym on all of them (their own erasure included) instead of their name, address or "system".
 */
@IntegrationTest
class ErasedActorAuditIntegrationTests {

    private static final String PASSWORD = "hasło redaktora, który odejdzie";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from motto_quote where source = :s")
                .param("s", "Źródło " + run)
                .update();
    }

    @Test
    void anErasedEditorsPastActionsShowAPseudonymAndNeitherNameNorAddress() {
        String email = "redaktor.odchodzacy." + run + "@przyklad.example";
        String name = "Olga Odchodząca-" + run;
        long id = TestAccounts.participant(jdbc, passwords, email, name, PASSWORD);
        jdbc.sql("insert into role_assignment (account_id, role) values (:id, 'EDITOR')")
                .param("id", id)
                .update();
        SignedInClient editor = new SignedInClient(port, "127.0.0.106");
        editor.signInFully(email, PASSWORD, null);
        String quote = "Motto osoby, która odeszła " + run;
        assertThat(editor.submit("/redakcja/motta", "/redakcja/motta", "text", quote, "source", "Źródło " + run)
                        .statusCode())
                .isEqualTo(302);
        editor.get("/konto");
        assertThat(editor.post("/konto/usun", "currentPasswordDelete", PASSWORD, "confirm", "true")
                        .statusCode())
                .isEqualTo(302);

        SignedInClient admin = AdminSession.administrator(port);
        String stored = jdbc.sql("select distinct actor_label from audit_entry where actor_id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        Matcher pseudonym = Pattern.compile("Osoba usunięta #([0-9a-f]{6})").matcher(stored);
        assertThat(pseudonym.matches()).as(stored).isTrue();
        String created = admin.get("/admin/dziennik?akcja=QUOTE_CREATED").body();
        String row = created.substring(created.lastIndexOf("<tr>", created.indexOf(quote)), created.indexOf(quote));
        assertThat(row).as("the quote's line shows the pseudonym").contains(pseudonym.group());
        assertThat(created).doesNotContain(email, name);

        String erased = admin.get("/admin/dziennik?akcja=ACCOUNT_DELETED").body();
        assertThat(erased)
                .as("the erasure itself is the same person's, not the system's")
                .contains(pseudonym.group())
                .doesNotContain(email, name);
        assertThat(admin.get("/admin/dziennik?akcja=SIGN_IN&kto=" + pseudonym.group(1))
                        .body())
                .as("the sign-ins, recorded with the address typed, show it too")
                .contains(pseudonym.group())
                .doesNotContain(email);
        assertThat(admin.get("/admin/dziennik?akcja=QUOTE_CREATED&lang=en").body())
                .contains("Erased person #" + pseudonym.group(1));
        admin.get("/admin/dziennik?lang=pl");
        assertThat(jdbc.sql("select count(*) from audit_entry where actor_id = :id and actor_label <> :p")
                        .param("id", id)
                        .param("p", pseudonym.group())
                        .query(Long.class)
                        .single())
                .as("every line of the person, under the one pseudonym")
                .isZero();
    }
}
