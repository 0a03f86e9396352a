package pl.koordes.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demonstration accounts the default profile loads (one per role, see the README), as tests
 * sign in with them. The values repeat the published ones in the accounts module's demo data.
 */
public final class DemoAccounts {

    /** The password of every demo account. */
    public static final String PASSWORD = "Demo: koordes łąka 2026";
    /** The published TOTP key of the demo administrator and the demo regional coordinators. */
    public static final String TOTP_SECRET = "KOORDESDEMOKOORDESDEMOKOORDESDEM";

    public static final String ADMINISTRATOR = "administrator@demo.koordes.example";
    public static final String EDITOR = "redaktor@demo.koordes.example";
    /** Regional coordinator of małopolskie. */
    public static final String COORDINATOR_MALOPOLSKIE = "koordynator.malopolskie@demo.koordes.example";
    /** Regional coordinator of śląskie. */
    public static final String COORDINATOR_SLASKIE = "koordynator.slaskie@demo.koordes.example";
    /** Committee member in małopolskie. */
    public static final String COMMITTEE_MALOPOLSKIE = "komitet.malopolskie@demo.koordes.example";

    public static final String EXPERT = "ekspert@demo.koordes.example";
    /** A second expert, assigned to other advisory cases than {@link #EXPERT}. */
    public static final String EXPERT_OTHER = "doradczyni@demo.koordes.example";

    public static final String CENTRAL_INSTITUTION = "ministerstwo@demo.koordes.example";
    /** Answers for another institution (MFiPR) than {@link #CENTRAL_INSTITUTION} (MRPiPS). */
    public static final String CENTRAL_INSTITUTION_OTHER = "fundusze@demo.koordes.example";

    public static final String PARTICIPANT = "uczestnik@demo.koordes.example";

    private DemoAccounts() {}

    /**
     * A client signed in fully as the demo account, from its own client address (rate limits are per address).
     * The last accepted code step is forgotten first: a demo code may be used again by the next test.
     */
    public static SignedInClient signedIn(JdbcClient jdbc, int port, String email, String address) {
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        SignedInClient client = new SignedInClient(port, address);
        client.signInFully(
                email, PASSWORD, email.equals(ADMINISTRATOR) || email.startsWith("koordynator.") ? TOTP_SECRET : null);
        client.get("/konto");
        return client;
    }
}
