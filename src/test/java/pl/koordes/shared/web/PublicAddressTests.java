package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.env.MockEnvironment;

/**
 * One public address for every absolute link: the configured one wins, development falls back to its
 * own port, and production (the real application-prod.properties) refuses to start without one.
 */
@ExtendWith(OutputCaptureExtension.class)
class PublicAddressTests {

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    /** The prod profile's JSON logging must not stay configured for the tests that run after these. */
    @BeforeEach
    void leaveLoggingAlone() {
        System.setProperty(LOGGING_SYSTEM, "none");
    }

    @AfterEach
    void restoreLogging() {
        System.clearProperty(LOGGING_SYSTEM);
    }

    @Test
    void theConfiguredAddressWinsWithoutItsTrailingSlash() {
        PublicAddress address =
                new PublicAddress(new SiteProperties(false, " https://koordes.example.pl/ "), new MockEnvironment());

        assertThat(address.url()).isEqualTo("https://koordes.example.pl");
        assertThat(address.url("/aktualnosci")).isEqualTo("https://koordes.example.pl/aktualnosci");
        assertThat(address.url("wydarzenia")).isEqualTo("https://koordes.example.pl/wydarzenia");
    }

    @Test
    void withoutOneDevelopmentUsesTheServerPortUntilTheServerSaysWhichItGot() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "9123");

        assertThat(new PublicAddress(new SiteProperties(false, ""), environment).url())
                .isEqualTo("http://localhost:9123");
        assertThat(new PublicAddress(new SiteProperties(false, null), new MockEnvironment()).url())
                .isEqualTo("http://localhost:8080");
    }

    @Test
    void anAddressThatIsNotAnAbsoluteHttpAddressStopsTheStart() {
        for (String wrong : new String[] {"koordes.example.pl", "ftp://koordes.example.pl", "https://x.pl/?a=1"}) {
            assertThatThrownBy(() -> new SiteProperties(false, wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("KOORDES_BASE_URL");
        }
    }

    @Test
    void theProdProfileRefusesToStartWithoutAPublicAddressAndSaysWhatToSet(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(OnlyTheAddress.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                // Blank counts as missing; set here so that the machine's own environment does not matter.
                .properties("KOORDES_BASE_URL=", "spring.main.banner-mode=off");

        assertThatThrownBy(application::run).hasRootCauseInstanceOf(PublicAddress.Missing.class);
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Set KOORDES_BASE_URL to the address people open the site at");
    }

    @Test
    void theProdProfileStartsWithTheAddressGivenInTheEnvironmentVariable() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OnlyTheAddress.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                .properties("KOORDES_BASE_URL=https://koordes.example.pl/", "spring.main.banner-mode=off")
                .run()) {
            assertThat(context.getBean(PublicAddress.class).url()).isEqualTo("https://koordes.example.pl");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SiteProperties.class)
    @Import(PublicAddress.class)
    static class OnlyTheAddress {}
}
