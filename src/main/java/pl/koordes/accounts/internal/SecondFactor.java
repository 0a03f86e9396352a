package pl.koordes.accounts.internal;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import dev.samstevens.totp.util.Utils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.SecureRandoms;

/**
 * TOTP codes (RFC 6238, 6 digits, 30 s) from an authenticator app, enrolled by a QR code made here,
 * and single-use recovery codes for when the phone is lost.
 */
@Component
public class SecondFactor {

    private static final int RECOVERY_CODES = 10;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = SecureRandoms.perThread();

    private static final long PERIOD_SECONDS = 30;

    private final DefaultCodeGenerator generator = new DefaultCodeGenerator();
    private final SystemTimeProvider timeProvider = new SystemTimeProvider();
    private final CodeVerifier verifier = new DefaultCodeVerifier(generator, timeProvider);
    private final JdbcClient jdbc;

    SecondFactor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The QR code an authenticator app scans, as a data: URI for an img element. */
    public String qrCode(String email, String secret) {
        QrData data = new QrData.Builder()
                .label(email)
                .secret(secret)
                .issuer("KoordES")
                .algorithm(HashingAlgorithm.SHA1)
                .digits(6)
                .period(30)
                .build();
        ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
        generator.setImageSize(240);
        try {
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("The QR code could not be made", e);
        }
    }

    public boolean verify(String secret, String code) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        return digits.matches("\\d{6}") && verifier.isValidCode(secret, digits);
    }

    /**
     * Checks a code at sign-in and uses it up: each 30-second step is accepted once per account, so a
     * code seen over someone's shoulder (or replayed from a log) does not work a second time. One step
     * before and after now is allowed for clock drift.
     */
    public boolean verifyOnce(long accountId, String secret, String code) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return false;
        }
        long now = timeProvider.getTime() / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (matches(secret, digits, step)) {
                // The update succeeds only if no later or equal step was accepted before: replays find nothing.
                return jdbc.sql("""
                                update account set totp_last_step = :step
                                where id = :id and (totp_last_step is null or totp_last_step < :step)
                                """).param("step", step).param("id", accountId).update() == 1;
            }
        }
        return false;
    }

    private boolean matches(String secret, String digits, long step) {
        try {
            String expected = generator.generate(secret, step);
            return MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), digits.getBytes(StandardCharsets.US_ASCII));
        } catch (dev.samstevens.totp.exceptions.CodeGenerationException e) {
            return false;
        }
    }

    /** Replaces the person's recovery codes with new ones and returns them, to be shown once. */
    public List<String> newRecoveryCodes(long accountId) {
        jdbc.sql("delete from recovery_code where account_id = :id")
                .param("id", accountId)
                .update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = randomCode();
            codes.add(code);
            jdbc.sql("insert into recovery_code (account_id, code_hash) values (:id, :hash)")
                    .param("id", accountId)
                    .param("hash", AccountTokens.hash(normalize(code)))
                    .update();
        }
        return codes;
    }

    /** Uses up a recovery code; true when it was valid and unused. */
    public boolean useRecoveryCode(long accountId, String code) {
        if (code == null || code.length() > 40) {
            return false;
        }
        return jdbc.sql("""
                        update recovery_code set used_at = now()
                        where account_id = :id and code_hash = :hash and used_at is null
                        """)
                        .param("id", accountId)
                        .param("hash", AccountTokens.hash(normalize(code)))
                        .update()
                == 1;
    }

    private static String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static String normalize(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
