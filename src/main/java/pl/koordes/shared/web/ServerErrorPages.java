package pl.koordes.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * The page for what the server refuses before the application sees it (an encoded slash or NUL in the
 * address, a path with {@code ..}, a request Spring Security's firewall rejects): the same security
 * headers as every other answer and a short page in Polish and English, instead of Tomcat's bare
 * English report. Everything the application answers itself keeps its own error pages ({@link ErrorPages}).
 */
@Component
class ServerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // Replaces the plain valve Spring Boot adds, and tells the host not to add its default.
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(SiteErrorReportValve.class.getName());
                host.getPipeline().addValve(new SiteErrorReportValve());
            }
        });
    }

    /**
     * An address Spring Security's firewall refuses (a {@code ;}, an encoded line break, a {@code ..}) is a
     * 400 with the headers, shown as the site's own error page; by default the refusal escapes the
     * filters that write the headers.
     */
    @Bean
    static RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            SecurityHeaders.ALL.forEach(response::setHeader);
            response.sendError(HttpStatus.BAD_REQUEST.value());
        };
    }

    /** After Spring Boot's own customizer, whose valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Writes the headers and the page; public because Tomcat may create it by class name. */
    public static final class SiteErrorReportValve extends ErrorReportValve {

        /** Addresses whose errors are problem details rather than pages. */
        static final String API = "/api/";

        /** The open-data API's problem shape, without the address (refused before it was read). */
        static String problem(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            return "{\"type\":\"about:blank\",\"title\":\"" + (known == null ? "Error" : known.getReasonPhrase())
                    + "\",\"status\":" + status + ",\"detail\":\"Serwer odrzucił ten adres (np. zakodowany ukośnik,"
                    + " odwrotny ukośnik lub znak sterujący).\"}";
        }

        public SiteErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.resetBuffer();
                SecurityHeaders.ALL.forEach(response::setHeader);
                // The open-data API answers every refusal as a problem (RFC 9457), this one included.
                boolean api = request.getRequestURI() != null
                        && request.getRequestURI().startsWith(API);
                response.setContentType(api ? "application/problem+json" : "text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(api ? problem(status) : page(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the answer was already started: nothing more to write.
                Container container = getContainer();
                if (container != null) {
                    container.getLogger().debug("Error page not written", e);
                }
            }
        }

        static String page(int status) {
            boolean client = status < 500;
            String pl = client ? "Nie możemy obsłużyć tego adresu" : "Coś poszło nie tak po naszej stronie";
            String plText = client
                    ? "Adres zawiera znaki, których serwer nie przyjmuje. Sprawdź go albo przejdź na stronę główną."
                    : "Spróbuj ponownie za chwilę. Jeśli błąd się powtarza, napisz do nas.";
            String en = client ? "We cannot handle this address" : "Something went wrong on our side";
            String enText = client
                    ? "The address contains characters the server does not accept. Check it or go to the home page."
                    : "Please try again in a moment. If it happens again, write to us.";
            return """
                    <!DOCTYPE html>
                    <html lang="pl">
                    <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>%1$s (%5$d) – KoordES</title></head>
                    <body>
                    <main>
                    <p>Błąd %5$d</p>
                    <h1>%1$s</h1>
                    <p>%2$s</p>
                    <p><a href="/">Strona główna KoordES</a></p>
                    <div lang="en">
                    <h2>%3$s</h2>
                    <p>%4$s</p>
                    <p><a href="/?lang=en">KoordES home page</a></p>
                    </div>
                    </main>
                    </body>
                    </html>
                    """.formatted(pl, plText, en, enText, status);
        }
    }
}
