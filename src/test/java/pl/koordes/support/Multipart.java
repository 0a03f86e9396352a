package pl.koordes.support;

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

/**
 * Sends a file the way a browser's form with {@code enctype="multipart/form-data"} does, in a signed-in
 * session, and downloads bytes with that session's cookies. One implementation for every module's
 * upload tests (pictures of the editors, event materials).
 */
public final class Multipart {

    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Multipart() {}

    /** The CSRF token of the form on {@code formPage}, as the browser would send it back. */
    public static String token(SignedInClient client, String formPage) {
        Matcher csrf = CSRF.matcher(client.get(formPage).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage);
        }
        return csrf.group(1);
    }

    /** The file name as a browser puts it in a part's Content-Disposition: quoted, with ", CR and LF escaped. */
    public static String fileName(String name) {
        return "filename=\"" + name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A") + "\"";
    }

    /**
     * Posts the fields, the token and one file to {@code action}. {@code fileNameParameter} is the file
     * name's part of the Content-Disposition exactly as sent: {@link #fileName} for a browser's, or e.g.
     * an RFC 5987 {@code filename*=UTF-8''a%0D%0Ab.pdf} that carries what a quoted name cannot.
     */
    public static HttpResponse<String> upload(
            SignedInClient client,
            int port,
            String action,
            String token,
            Map<String, String> fields,
            String fileField,
            String fileNameParameter,
            String contentType,
            byte[] data) {
        String boundary = "----koordes" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                part(body, boundary, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
                body.write(field.getValue().getBytes(StandardCharsets.UTF_8));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            part(body, boundary, "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n");
            part(
                    body,
                    boundary,
                    "Content-Disposition: form-data; name=\"" + fileField + "\"; " + fileNameParameter
                            + "\r\nContent-Type: " + contentType + "\r\n\r\n");
            body.write(data);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + action))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .header("Cookie", cookies(client))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET of bytes with the session's cookies (none for a visitor's client). */
    public static HttpResponse<byte[]> download(SignedInClient client, int port, String path) {
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

    /** The session cookie (the token in the form is the session's). */
    private static String cookies(SignedInClient client) {
        return SignedInClient.SESSION_COOKIE + "=" + client.session();
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers) throws IOException {
        body.write(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
    }
}
