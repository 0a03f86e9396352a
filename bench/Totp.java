/*
 * The current TOTP code (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) of a Base32 key, as an authenticator app
 * shows it; bench/signed-in signs the demo coordinator in with the published demo key.
 *
 *   java bench/Totp.java BASE32_KEY
 */
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Totp {

    public static void main(String[] args) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String key = args[0].toUpperCase(Locale.ROOT).replace("=", "");
        ByteBuffer bytes = ByteBuffer.allocate(key.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : key.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                bytes.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(bytes.array(), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8)
                .putLong(Instant.now().getEpochSecond() / 30)
                .array());
        int offset = hash[hash.length - 1] & 0xf;
        int code = (ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000;
        System.out.printf("%06d%n", code);
    }
}
