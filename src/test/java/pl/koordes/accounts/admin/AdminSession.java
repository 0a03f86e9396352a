package pl.koordes.accounts.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;

/**
 * The demo administrator signed in for real (password, then the TOTP code) once per running
 * application and reused by these tests while the session lasts: each TOTP code works only once, so
 * signing in again within the same 30 seconds means waiting for the next code.
 */
final class AdminSession {

    private static final Map<Integer, SignedInClient> CLIENTS = new ConcurrentHashMap<>();

    private AdminSession() {}

    static synchronized SignedInClient administrator(int port) {
        SignedInClient client = CLIENTS.get(port);
        // Another test may have ended the administrator's sessions (signing out ends all of them).
        if (client == null || client.get("/admin").statusCode() != 200) {
            client = new SignedInClient(port);
            client.signInFully(DemoAccounts.ADMINISTRATOR, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
            CLIENTS.put(port, client);
        }
        return client;
    }

    /** A person's sign-in without a second factor; fails unless it completes. */
    static SignedInClient signedIn(int port, String email) {
        SignedInClient client = new SignedInClient(port);
        client.signInFully(email, DemoAccounts.PASSWORD, null);
        return client;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
