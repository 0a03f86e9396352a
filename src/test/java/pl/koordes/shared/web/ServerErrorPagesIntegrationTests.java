package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.IntegrationTest;

/**
 * Addresses refused before they reach the application (by Tomcat, or by Spring Security's firewall)
 * still get the site's security headers and a page in Polish and English, not a bare server report.
 * Sent over a raw socket, byte for byte: an HTTP client library would clean the paths first.
 */
@IntegrationTest
class ServerErrorPagesIntegrationTests {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/regiony%2Fpomorskie",
                "/regiony/%00",
                "/regiony;jsessionid=x/pomorskie",
                "/regiony/../admin",
                "/%2e%2e/admin",
                "/regiony/%5C..%5Cadmin",
                "/wydarzenia%0d%0aX-Injected:%201"
            })
    void aRefusedAddressKeepsTheSecurityHeadersAndGetsAPolishPage(String path) throws IOException {
        String answer =
                raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        String head =
                answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase();
        String status = answer.lines().findFirst().orElse("");
        assertThat(status).as(path).matches("HTTP/1\\.1 4\\d\\d.*");
        assertThat(head)
                .as(path)
                .contains("content-security-policy: default-src 'self'")
                .contains("x-frame-options: deny")
                .contains("x-content-type-options: nosniff")
                .doesNotContain("x-injected");
        assertThat(answer)
                .as(path)
                .doesNotContain("Apache Tomcat")
                .doesNotContain("HTTP Status")
                .containsAnyOf("<html lang=\"pl\">", "Nie znaleziono", "Nie możemy obsłużyć");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
