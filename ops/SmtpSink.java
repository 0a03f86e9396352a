/*
 * A tiny SMTP sink for the cluster and kill checks (ops/cluster, .ci/cluster-check, .ci/kill-check): it accepts
 * every message and writes it, as received, to DIR/NNNNNNN.eml before answering "250", so a message on disk is
 * exactly a message the application was told was delivered. No dependencies: `java ops/SmtpSink.java HOST PORT DIR`.
 *
 * While the file DIR/refuse exists, every connection is refused with "421" (a server that is down for a while): a new
 * one at its greeting, one the application keeps open between messages at its next message ("MAIL"), then closed.
 * While the file DIR/hold exists, a new connection's greeting and a kept connection's next message wait (up to 25 s,
 * under the application's 30 s SMTP timeout), and the sink creates DIR/holding: the checks use it to keep a message
 * in flight while they kill the node sending it.
 * Each file starts with "X-Sink-Rcpt: <recipients>" and then the message's own headers (Message-ID, Subject …).
 * When the sender vanishes right after a message was stored (the connection ends without another command, so it may
 * never have read the "250"), the sink also writes DIR/NNNNNNN.cut: the kill check tells by it the one repeat a node
 * killed at the end of a message can cause from any other.
 */

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

public class SmtpSink {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        Files.createDirectories(dir);
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 200);
            System.out.println("SMTP sink listening on " + host + ":" + port + ", messages in " + dir);
            while (true) {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket, dir));
            }
        }
    }

    /** While DIR/hold exists (at most 25 s): says so in DIR/holding and waits. */
    private static void waitWhileHeld(Path dir) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 25_000;
        while (Files.exists(dir.resolve("hold")) && System.currentTimeMillis() < deadline) {
            try {
                Files.createFile(dir.resolve("holding"));
            } catch (FileAlreadyExistsException alreadySaid) {
                // another connection is held too
            }
            Thread.sleep(100);
        }
    }

    private static void serve(Socket socket, Path dir) {
        long lastStored = 0;
        try (socket) {
            socket.setSoTimeout(60_000);
            waitWhileHeld(dir);
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            if (Files.exists(dir.resolve("refuse"))) {
                reply(out, "421 sink refusing for now");
                return;
            }
            reply(out, "220 sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                lastStored = 0; // the sender went on after the last message
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO", "NOOP" -> reply(out, "250 ok");
                    case "MAIL" -> {
                        waitWhileHeld(dir);
                        if (Files.exists(dir.resolve("refuse"))) {
                            reply(out, "421 sink refusing for now");
                            return;
                        }
                        recipients.clear();
                        reply(out, "250 ok");
                    }
                    case "RCPT" -> {
                        recipients.add(line.replaceFirst("(?i)^RCPT TO:\\s*", "").replaceAll("[<>]", "").trim());
                        reply(out, "250 ok");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 ok");
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        ByteArrayOutputStream message = new ByteArrayOutputStream();
                        message.writeBytes(("X-Sink-Rcpt: " + String.join(", ", recipients) + "\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            String unstuffed = data.startsWith("..") ? data.substring(1) : data;
                            message.writeBytes((unstuffed + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        }
                        if (data == null) {
                            return; // the sender went away before the end of the message: nothing was delivered
                        }
                        lastStored = store(dir, message.toByteArray());
                        reply(out, "250 stored");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException | InterruptedException e) {
            System.out.println("connection ended: " + e);
        }
        if (lastStored != 0) {
            try {
                Files.createFile(dir.resolve(String.format("%07d.cut", lastStored)));
            } catch (IOException e) {
                System.out.println("could not mark message " + lastStored + " cut: " + e);
            }
        }
    }

    private static long store(Path dir, byte[] message) throws IOException {
        long number = SEQUENCE.incrementAndGet();
        Path temporary = dir.resolve(String.format(".%07d.tmp", number));
        Files.write(temporary, message);
        Files.move(temporary, dir.resolve(String.format("%07d.eml", number)), StandardCopyOption.ATOMIC_MOVE);
        return number;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
