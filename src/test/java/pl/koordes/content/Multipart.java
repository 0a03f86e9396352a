package pl.koordes.content;

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

/** Uploads a file the way a browser's form with {@code enctype="multipart/form-data"} does, in a signed-in session. */
final class Multipart {

    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Multipart() {
    }

    /** Shows the form page (for its CSRF token), then posts the fields and one file to {@code action}. */
    static HttpResponse<String> upload(SignedInClient client, int port, String formPage, String action,
            Map<String, String> fields, String fileField, String fileName, String contentType, byte[] data) {
        String page = client.get(formPage).body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage);
        }
        String boundary = "----koordes" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                part(body, boundary, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
                body.write(field.getValue().getBytes(StandardCharsets.UTF_8));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            part(body, boundary, "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1) + "\r\n");
            part(body, boundary, "Content-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + fileName.replace("\"", "%22").replace("\r", "").replace("\n", "") + "\"\r\nContent-Type: "
                    + contentType + "\r\n\r\n");
            body.write(data);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + action))
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

    /** The session and the CSRF cookie (the token in the form must match the cookie's). */
    private static String cookies(SignedInClient client) {
        StringBuilder header = new StringBuilder(SignedInClient.SESSION_COOKIE + "=" + client.session());
        client.cookie("KOORDES_CSRF").ifPresent(value -> header.append("; KOORDES_CSRF=").append(value));
        return header.toString();
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers) throws IOException {
        body.write(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
    }
}
