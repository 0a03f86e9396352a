package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 19: {@code X-Forwarded-*} is believed only from the configured proxy ({@code KOORDES_TRUSTED_PROXIES},
 * here 127.0.0.1 alone, as the prod profile's default). The proxy's {@code X-Forwarded-Proto: https} makes the
 * request secure (the answer carries {@code Strict-Transport-Security}); the same headers sent by a client on
 * another address (127.0.54.31, reaching the node directly) are ignored, so it can neither pass for HTTPS nor
 * forge its address for the per-address limits and lockouts.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.forward-headers-strategy=native",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
            "server.address=0.0.0.0"
        })
@ActiveProfiles("test")
class ProxyTrustIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void forwardedHeadersCountFromTheProxyOnly() throws Exception {
        assertThat(forwardedHttps("127.0.0.1").headers().firstValue("Strict-Transport-Security"))
                .as("from the proxy")
                .isPresent();
        assertThat(forwardedHttps("127.0.54.31").headers().firstValue("Strict-Transport-Security"))
                .as("from a client that forged the proxy's headers")
                .isEmpty();
    }

    private HttpResponse<Void> forwardedHttps(String from) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(from))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.9")
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding());
    }
}
