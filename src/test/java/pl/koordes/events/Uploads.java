package pl.koordes.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pl.koordes.support.SignedInClient;

/**
 * Sends files the way a browser's form with {@code enctype="multipart/form-data"} does, in a signed-in
 * session, and downloads bytes with that session's cookies.
 */
final class Uploads {

    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final SignedInClient client;
    private final int port;
    /** The session's CSRF token, read from the first form shown: it stays the same for the session. */
    private String token;

    Uploads(SignedInClient client, int port) {
        this.client = client;
        this.port = port;
    }

    /** Shows the form page (for its CSRF token), then posts the title, visibility and file with a plain file name. */
    HttpResponse<String> upload(long event, String title, boolean participantsOnly, String fileName, byte[] data) {
        String quoted = "filename=\"" + fileName.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A") + "\"";
        return upload(event, Map.of("title", title, "participantsOnly", participantsOnly ? "true" : ""), quoted, data);
    }

    /**
     * The same with the file name's part of the part's Content-Disposition given exactly, e.g. an RFC 5987
     * {@code filename*=UTF-8''a%0D%0Ab.pdf} that carries characters a quoted name cannot.
     */
    HttpResponse<String> upload(long event, Map<String, String> fields, String fileNameParameter, byte[] data) {
        String path = "/organizacja/wydarzenia/" + event + "/materialy";
        if (token == null) {
            Matcher csrf = CSRF.matcher(client.get(path).body());
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on " + path);
            }
            token = csrf.group(1);
        }
        String boundary = "----koordes" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                part(body, boundary, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
                body.write(field.getValue().getBytes(StandardCharsets.UTF_8));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            part(body, boundary, "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n");
            part(body, boundary, "Content-Disposition: form-data; name=\"plik\"; " + fileNameParameter
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.write(data);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Cookie", cookies(client))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET of bytes with the session's cookies (none for a visitor's client). */
    static HttpResponse<byte[]> download(SignedInClient client, int port, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (client.session() != null) {
            request.header("Cookie", cookies(client));
        }
        try {
            return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cookies(SignedInClient client) {
        StringBuilder header = new StringBuilder(SignedInClient.SESSION_COOKIE + "=" + client.session());
        client.cookie("KOORDES_CSRF").ifPresent(value -> header.append("; KOORDES_CSRF=").append(value));
        return header.toString();
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers) throws IOException {
        body.write(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
    }
}
