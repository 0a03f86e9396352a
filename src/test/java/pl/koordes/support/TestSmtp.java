package pl.koordes.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for a test class whose application sends mail, and reading what arrived:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestSmtp smtp = TestSmtp.onFreePort();
 *
 * @DynamicPropertySource
 * static void mailServer(DynamicPropertyRegistry registry) {
 *     smtp.register(registry);
 * }
 * }</pre>
 *
 * <p>The server lives as long as the class (its context's mail goes after commit, from other threads), so a
 * test finds its own messages by address and subject; {@link #awaitMessage} waits for one with Awaitility.
 */
public final class TestSmtp extends GreenMailExtension {

    /** The site's address in mail links, the same in every mail test. */
    public static final String BASE_URL = "https://koordes.example/";

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final int port;

    private TestSmtp(int port) {
        super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.port = port;
        withPerMethodLifecycle(false);
    }

    /** A server on a free loopback port, started before the class's first test and stopped after its last. */
    public static TestSmtp onFreePort() {
        return new TestSmtp(freePort());
    }

    /** Points the application's mail at this server, with {@link #BASE_URL} as the site's address. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("koordes.site.base-url", () -> BASE_URL);
    }

    /** The messages received so far that are addressed to {@code address}. */
    public List<MimeMessage> to(String address) {
        return received(m -> recipients(m).contains(address));
    }

    /** How many messages to {@code address} have a subject containing {@code subjectPart}. */
    public long count(String address, String subjectPart) {
        return received(about(address, subjectPart)).size();
    }

    /** Waits (30 seconds at most) for a message to {@code address} whose subject contains {@code subjectPart}. */
    public MimeMessage awaitMessage(String address, String subjectPart) {
        return awaitFirst(about(address, subjectPart));
    }

    /** Waits (30 seconds at most) for a message to {@code address}. */
    public MimeMessage awaitMessageTo(String address) {
        return awaitFirst(m -> recipients(m).contains(address));
    }

    private MimeMessage awaitFirst(Predicate<MimeMessage> wanted) {
        return await().atMost(WAIT)
                .until(() -> received(wanted).stream().findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private List<MimeMessage> received(Predicate<MimeMessage> wanted) {
        return Arrays.stream(getReceivedMessages()).filter(wanted).toList();
    }

    private static Predicate<MimeMessage> about(String address, String subjectPart) {
        return m -> recipients(m).contains(address) && subject(m).contains(subjectPart);
    }

    /** The first part of this MIME type (text/plain, text/html), decoded, searched through nested parts; "" if none. */
    public static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String found = part(parts.getBodyPart(i), type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    /** The subject, "" when there is none. */
    public static String subject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every recipient's address as written in the message. */
    public static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .map(Object::toString)
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
