package pl.koordes.events;

import java.net.http.HttpResponse;
import java.util.Map;
import pl.koordes.support.Multipart;
import pl.koordes.support.SignedInClient;

/** The event materials form, sent as a browser sends it (see {@link Multipart}), and downloads. */
final class Uploads {

    private final SignedInClient client;
    private final int port;
    /** The session's CSRF token, read from the first form shown: it stays the same for the session. */
    private String token;

    Uploads(SignedInClient client, int port) {
        this.client = client;
        this.port = port;
    }

    /** Posts the title, visibility and file with a plain file name. */
    HttpResponse<String> upload(long event, String title, boolean participantsOnly, String fileName, byte[] data) {
        return upload(
                event,
                Map.of("title", title, "participantsOnly", participantsOnly ? "true" : ""),
                Multipart.fileName(fileName),
                data);
    }

    /** The same with the file name's part of the Content-Disposition given exactly (see {@link Multipart#upload}). */
    HttpResponse<String> upload(long event, Map<String, String> fields, String fileNameParameter, byte[] data) {
        String path = "/organizacja/wydarzenia/" + event + "/materialy";
        if (token == null) {
            token = Multipart.token(client, path);
        }
        return Multipart.upload(
                client, port, path, token, fields, "plik", fileNameParameter, "application/octet-stream", data);
    }

    static HttpResponse<byte[]> download(SignedInClient client, int port, String path) {
        return Multipart.download(client, port, path);
    }
}
