package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Issue 11, item 4: without KOORDES_BASE_URL the application links to the port it really listens on (here a
 * random one), so the links in a registration e-mail, the feeds, the sitemap, the canonical tag and the
 * calendar file all work when followed.
 */
@IntegrationTest
class PublicLinksIntegrationTests {

    private static final Pattern ABSOLUTE = Pattern.compile("https?://[^\\s()<>\"']+");
    private static final Pattern FEED_LINK = Pattern.compile("<entry>.*?<link href=\"([^\"]+)\"", Pattern.DOTALL);
    private static final Pattern RSS_LINK = Pattern.compile("<item>.*?<link>([^<]+)</link>", Pattern.DOTALL);
    private static final Pattern SITEMAP_LOC = Pattern.compile("<loc>([^<]+)</loc>");
    private static final Pattern CANONICAL = Pattern.compile("<link rel=\"canonical\" href=\"([^\"]+)\">");

    @LocalServerPort
    int port;

    @Autowired
    EventRegistrations registrations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Test
    void theLinksInAVisitorsRegistrationMailsLeadToThisServer() {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(5, null);
        String email = samples.email(41);
        long region = directory.region("malopolskie").orElseThrow().id();
        registrations.register(
                event,
                RegistrationForm.of("Anna Przykładowa", email, region, SeatMode.ON_SITE),
                null,
                Locale.forLanguageTag("pl"));

        List<String> confirmLinks = links(mail(email, "confirmRegistration"));
        String confirm = confirmLinks.stream()
                .filter(link -> link.contains("/wydarzenia/zapis/potwierdz?token="))
                .findFirst()
                .orElseThrow();
        assertThat(follow(confirm).statusCode()).as(confirm).isEqualTo(200);
        assertThat(jdbc.sql("select status from event_registration where lower(email) = lower(:e)")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .as("opening the link (a mail scanner) confirms nothing")
                .isEqualTo("PENDING");
        SignedInClient visitor = new SignedInClient(port);
        String path = confirm.substring(base().length());
        visitor.get(path);
        assertThat(visitor.post("/wydarzenia/zapis/potwierdz", "token", path.substring(path.indexOf('=') + 1))
                        .body())
                .contains("Zgłoszenie potwierdzone");

        // The confirmation brings the next message, with the event's page, its calendar file and the cancel link.
        List<String> seatLinks = links(mail(email, "registrationConfirmed"));
        assertThat(seatLinks).anyMatch(link -> link.endsWith("/wydarzenia/" + event));
        for (String link : seatLinks) {
            assertThat(follow(link).statusCode()).as(link).isEqualTo(200);
        }
    }

    @Test
    void theFeedsSitemapCanonicalTagAndCalendarLinkToThisServer() {
        Http http = new Http(port);
        String atom = http.get("/aktualnosci/atom.xml").body();
        List<String> entries = all(FEED_LINK, atom);
        assertThat(entries).isNotEmpty();
        String article = entries.getFirst();
        HttpResponse<String> page = follow(article);
        assertThat(page.statusCode()).as(article).isEqualTo(200);
        assertThat(all(CANONICAL, page.body())).containsExactly(article);

        String rss = all(RSS_LINK, http.get("/aktualnosci/rss.xml").body()).getFirst();
        assertThat(follow(rss).statusCode()).as(rss).isEqualTo(200);

        List<String> sitemap = all(SITEMAP_LOC, http.get("/sitemap.xml").body());
        assertThat(sitemap).hasSizeGreaterThan(5);
        for (String link : sitemap.subList(0, 5)) {
            assertThat(follow(link).statusCode()).as(link).isEqualTo(200);
        }

        String calendar = new String(
                        http.getBytes("/wydarzenia/kalendarz.ics").body(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\r\n ", "");
        Matcher url = Pattern.compile("\r\nURL:(\\S+)\r\n").matcher(calendar);
        assertThat(url.find()).as("the calendar has an event with its address").isTrue();
        assertThat(follow(url.group(1)).statusCode()).as(url.group(1)).isEqualTo(200);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Every absolute link leads to this server; the answer to GET. */
    private HttpResponse<String> follow(String link) {
        assertThat(link).startsWith(base() + "/");
        return new Http(port).get(link.substring(base().length()));
    }

    private List<String> links(String text) {
        List<String> links = all(ABSOLUTE, text);
        assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link).startsWith(base()));
        return links.stream().filter(link -> link.startsWith(base() + "/")).toList();
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.groupCount() == 0 ? matcher.group() : matcher.group(1));
        }
        return found;
    }

    private String mail(String to, String kind) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql("""
                                        select text_body from notifications_dev_mailbox where recipient = :to
                                          and kind = :kind order by delivered_at desc limit 1
                                        """)
                                .param("to", to)
                                .param("kind", kind)
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        body -> body != null);
    }
}
