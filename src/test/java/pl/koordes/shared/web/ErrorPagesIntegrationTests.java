package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;

/** Every error a visitor can meet is a page of the site in their language, with no technical detail. */
@IntegrationTest
@Import(TestExtensions.class)
class ErrorPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anUnexpectedFailureIsAPolite500PageWithoutStackTraceOrSql() {
        HttpResponse<String> response = new Http(port).get("/test/failure");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .contains("<html lang=\"pl\">")
                .contains("Coś poszło nie tak")
                .doesNotContain("secret_table")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at pl.koordes")
                .doesNotContain("SQL");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        HttpResponse<String> english = new Http(port).get("/test/failure?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">").contains("Something went wrong");
    }

    @Test
    void theErrorPathAskedForDirectlyIsANotFoundPage() {
        HttpResponse<String> response = new Http(port).get("/error");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Nie znaleziono strony");
    }

    @Test
    void aBadParameterIsA400Page() {
        HttpResponse<String> response = new Http(port).get("/test/number?n=dwa");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Nie udało się odczytać żądania").doesNotContain("NumberFormatException");
    }

    @Test
    void aForbiddenPageIsA403Page() {
        HttpResponse<String> response = new Http(port).get("/test/forbidden");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Brak dostępu");
    }

    @Test
    void metricsWithoutSigningInAreA401WithoutData() {
        HttpResponse<String> response = new Http(port).get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("jvm_");
    }

    @Test
    void aMachineClientGetsAShortAnswerWithoutDetail() {
        HttpResponse<String> response = new Http(port).get("/test/failure", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .doesNotContain("secret_table")
                .doesNotContain("trace")
                .doesNotContain("exception");
    }
}
