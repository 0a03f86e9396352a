package pl.koordes.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;

/** Another module (here: {@link TestExtensions}) adds a section to region pages by registering a bean, without touching the directory. */
@IntegrationTest
@Import(TestExtensions.class)
class RegionPageSectionIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void contributedSectionsAppearInOrderOnlyWhereTheyHaveSomethingToShow() {
        Http http = new Http(port);
        String lodzkie = http.get("/regiony/lodzkie").body();
        assertThat(lodzkie)
                .contains("<section id=\"first\">10 lodzkie pl</section>")
                .contains("<section id=\"second\">20 &lt;b&gt;escaped&lt;/b&gt;</section>");
        assertThat(lodzkie.indexOf("id=\"first\"")).isLessThan(lodzkie.indexOf("id=\"second\""));
        assertThat(lodzkie.indexOf("committee-heading")).isLessThan(lodzkie.indexOf("id=\"first\""));

        String opolskie = http.get("/regiony/opolskie?lang=en").body();
        assertThat(opolskie)
                .contains("<section id=\"first\">10 opolskie en</section>")
                .doesNotContain("id=\"second\"");
    }
}
