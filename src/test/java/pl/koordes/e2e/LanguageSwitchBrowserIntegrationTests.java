package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.support.IntegrationTest;

/** The visible language switch keeps the reader on the same page and comes back. */
@IntegrationTest
class LanguageSwitchBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Test
    void englishAndBackOnARegionPage() {
        Region silesia = directory.region("slaskie").orElseThrow();
        browser.forgetCookies();
        browser.open("http://localhost:" + port + silesia.href());
        assertThat(lang()).isEqualTo("pl");

        browser.driver().findElement(By.linkText("English")).click();

        browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(path()).isEqualTo(silesia.href());
        assertThat(heading()).isEqualTo(silesia.nameEn() + " Voivodeship");

        browser.driver().findElement(By.linkText("Polski")).click();

        browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "pl"));
        assertThat(path()).isEqualTo(silesia.href());
        assertThat(heading()).isEqualTo("Województwo " + silesia.namePl());
    }

    private String lang() {
        return browser.driver().findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private String path() {
        return URI.create(browser.driver().getCurrentUrl()).getPath();
    }

    private String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }
}
