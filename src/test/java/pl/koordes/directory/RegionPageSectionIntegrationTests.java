package pl.koordes.directory;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.Content;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;

/** Another module adds a section to region pages by registering a bean, without touching the directory. */
@IntegrationTest
class RegionPageSectionIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void contributedSectionsAppearInOrderOnlyWhereTheyHaveSomethingToShow() {
        Http http = new Http(port);
        String lodzkie = http.get("/regiony/lodzkie").body();
        assertThat(lodzkie).contains("<section id=\"first\">10 lodzkie pl</section>")
                .contains("<section id=\"second\">20 &lt;b&gt;escaped&lt;/b&gt;</section>");
        assertThat(lodzkie.indexOf("id=\"first\"")).isLessThan(lodzkie.indexOf("id=\"second\""));
        assertThat(lodzkie.indexOf("committee-heading")).isLessThan(lodzkie.indexOf("id=\"first\""));

        String opolskie = http.get("/regiony/opolskie?lang=en").body();
        assertThat(opolskie).contains("<section id=\"first\">10 opolskie en</section>").doesNotContain("id=\"second\"");
    }

    @TestConfiguration
    static class Sections {

        @Bean
        RegionPageSection second() {
            return section(20, "second", (region, locale) -> region.slug().equals("lodzkie")
                    ? Optional.of("<b>escaped</b>") : Optional.empty());
        }

        @Bean
        RegionPageSection first() {
            return section(10, "first", (region, locale) -> Optional.of(region.slug() + " " + locale.getLanguage()));
        }

        private static RegionPageSection section(int order, String id,
                java.util.function.BiFunction<Region, Locale, Optional<String>> text) {
            return new RegionPageSection() {
                @Override
                public int order() {
                    return order;
                }

                @Override
                public Optional<Content> render(Region region, Locale locale) {
                    return text.apply(region, locale).map(t -> output -> {
                        output.writeContent("<section id=\"" + id + "\">" + order + " ");
                        output.writeUserContent(t);
                        output.writeContent("</section>");
                    });
                }
            };
        }
    }
}
