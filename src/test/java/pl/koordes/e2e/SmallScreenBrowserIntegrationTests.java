package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.accounts.RouteMatrix;
import pl.koordes.accounts.RouteMatrix.Actor;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Every page on a 375 px wide phone, as each kind of visitor sees it: no sideways scrolling (a table may
 * scroll inside its own region), no axe-core violation, a screenshot to look at. The pages are the GET
 * routes of the route matrix ({@code route-matrix.md}), so a new page is checked as soon as its row is
 * written; each is opened by the first actor (in the order below) the matrix lets see it, and every
 * signed-in actor also opens the home page and the account page, where its own header shows.
 */
@IntegrationTest
class SmallScreenBrowserIntegrationTests {

    /** Who opens a route: the first of these whose matrix cell is 200 (the anonymous visitor also 404 and 410). */
    private static final List<Actor> ORDER = List.of(
            Actor.ANONYMOUS,
            Actor.PARTICIPANT,
            Actor.COMMITTEE_MEMBER,
            Actor.EXPERT,
            Actor.CENTRAL_INSTITUTION,
            Actor.REGIONAL_COORDINATOR,
            Actor.EDITOR,
            Actor.ADMINISTRATOR,
            Actor.PENDING_SECOND_FACTOR);

    /** Routes that are files or data rather than pages; documents are told apart by their content type too. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "^/actuator.*|.*\\.(csv|xlsx|pdf|json|ics|xml)$|^/media/.*|.*/materialy/\\{file}$|.*/dokument$|.*/zalaczniki/\\{attachmentId}$");

    /** Pages no route row reaches with demo data as it is: a published event, with its registration form. */
    private static final Map<String, String> EXTRA_ANONYMOUS = Map.of(
            "/wydarzenia/{sql:select min(id) from event where status = 'PUBLISHED' and starts_at > now()}",
                    "a published upcoming event",
            "/nie-ma-takiej-strony", "a page that does not exist");

    private static final Set<String> SIGNED_IN_EVERYWHERE = Set.of("/", "/konto");

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Visit(String path, int status) {}

    @TestFactory
    Stream<DynamicTest> everyPageFitsAPhoneForEveryone() {
        Map<Actor, List<Visit>> visits = new LinkedHashMap<>();
        ORDER.forEach(actor -> visits.put(actor, new ArrayList<>()));
        for (RouteMatrix.Row row : RouteMatrix.load().rows()) {
            if (!row.method().equals("GET")
                    || NOT_A_PAGE.matcher(row.pattern()).matches()
                    || row.sample().toLowerCase().contains("insert ")) {
                // Samples that insert data would leave it behind: the browser's requests are not rolled back.
                continue;
            }
            for (Actor actor : ORDER) {
                String cell = row.expected().get(actor);
                boolean shows =
                        cell.equals("200") || (actor == Actor.ANONYMOUS && (cell.equals("404") || cell.equals("410")));
                if (shows) {
                    visits.get(actor).add(new Visit(row.sample(), Integer.parseInt(cell)));
                    break;
                }
            }
        }
        EXTRA_ANONYMOUS.keySet().stream()
                .sorted()
                .forEach(path ->
                        visits.get(Actor.ANONYMOUS).add(new Visit(path, path.startsWith("/nie-ma") ? 404 : 200)));
        for (Actor actor : ORDER) {
            if (actor == Actor.ANONYMOUS || actor.pending()) {
                continue;
            }
            List<Visit> own = visits.get(actor);
            SIGNED_IN_EVERYWHERE.stream()
                    .sorted()
                    .filter(path -> own.stream().noneMatch(v -> v.path().equals(path)))
                    .forEach(path -> own.add(new Visit(path, 200)));
        }
        List<DynamicTest> tests = new ArrayList<>();
        visits.forEach((actor, pages) -> {
            tests.add(dynamicTest(actor + " signs in", () -> signIn(actor)));
            for (Visit visit : pages) {
                tests.add(dynamicTest(actor + " " + visit.path(), () -> check(actor, visit)));
            }
        });
        return tests.stream();
    }

    @Test
    void theSignedInHeaderIsAMenuButtonOnAPhoneThatOpensWithTheKeyboardAndWithoutScript() throws Exception {
        signIn(Actor.ADMINISTRATOR);
        browser.emulateViewportWidth(Reflow.PHONE);
        try {
            browser.open(url("/konto"));
            WebElement summary = browser.driver().findElement(By.cssSelector("details.account-menu > summary"));
            assertThat(summary.isDisplayed()).isTrue();
            assertThat(summary.getText()).isEqualTo("Menu");
            WebElement signOut =
                    browser.driver().findElement(By.cssSelector("details.account-menu form[action='/wyloguj'] button"));
            assertThat(signOut.isDisplayed())
                    .as("sign-out inside the closed menu")
                    .isFalse();
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".header-links"))
                            .isDisplayed())
                    .as("the wide header's links on a phone")
                    .isFalse();
            // The keyboard reaches the button and opens it: a <details> needs no script.
            browser.js().executeScript("arguments[0].focus()", summary);
            summary.sendKeys(Keys.ENTER);
            browser.waiting().until(d -> signOut.isDisplayed());
            assertThat(browser.driver()
                            .findElement(By.cssSelector("details.account-menu a[href='/admin']"))
                            .isDisplayed())
                    .isTrue();
            browser.checkAccessible("phone-menu-open");
            Reflow.assertNoHorizontalOverflow(browser, "/konto with the menu open");
        } finally {
            browser.resetViewport();
        }
        browser.open(url("/konto"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("details.account-menu"))
                        .isDisplayed())
                .as("the menu button on a desktop")
                .isFalse();
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".header-links a[href='/admin']"))
                        .isDisplayed())
                .as("the header's links on a desktop")
                .isTrue();
    }

    @Test
    void theMonthCalendarShowsAWholeWeekOnAPhone() {
        browser.forgetCookies();
        browser.emulateViewportWidth(Reflow.PHONE);
        try {
            browser.open(url("/wydarzenia/kalendarz"));
            WebElement calendar = browser.driver().findElement(By.cssSelector("table.calendar"));
            List<WebElement> firstWeek = calendar.findElements(By.cssSelector("tbody tr:first-child td"));
            assertThat(firstWeek).hasSize(7);
            long viewport =
                    ((Number) browser.js().executeScript("return document.documentElement.clientWidth")).longValue();
            // All seven days lie inside the screen, none behind a sideways scroll.
            for (WebElement day : firstWeek) {
                assertThat(day.getRect().getX() + day.getRect().getWidth())
                        .as("right edge of a day")
                        .isLessThanOrEqualTo((int) viewport);
            }
            Reflow.assertNoHorizontalOverflow(browser, "the month calendar");
            browser.checkAccessible("phone-calendar");
        } finally {
            browser.resetViewport();
        }
    }

    private void check(Actor actor, Visit visit) {
        String path = RouteMatrix.resolve(jdbc, visit.path());
        browser.emulateViewportWidth(Reflow.PHONE);
        try {
            browser.open(url(path));
            assertThat(browser.status())
                    .as("HTTP status of %s as %s", path, actor)
                    .isEqualTo(visit.status());
            Boolean ours = (Boolean) browser.js()
                    .executeScript("return document.contentType === 'text/html'"
                            + " && document.querySelector('link[rel=stylesheet][href*=\"/css/app\"]') !== null");
            if (!Boolean.TRUE.equals(ours)) {
                // A document the browser shows itself (JSON, text, its own page for an empty answer): none of
                // our layout to check.
                return;
            }
            String name = "phone-" + actor.name().toLowerCase() + path.replaceAll("[^a-z0-9]+", "-");
            browser.fullPageScreenshot(name);
            Reflow.assertNoHorizontalOverflow(browser, path + " as " + actor);
            assertThat(Accessibility.violations(browser.driver()))
                    .as("axe-core WCAG 2.1 A/AA violations on %s at 375 px as %s", path, actor)
                    .isEmpty();
        } finally {
            browser.resetViewport();
        }
    }

    /** Signs the actor in through the form, with the demo second factor where the account has one. */
    private void signIn(Actor actor) throws Exception {
        browser.forgetCookies();
        browser.resetViewport();
        String email = actor.email();
        if (email == null) {
            return;
        }
        // Each code works once; another test may just have used this step's code for the same person.
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        browser.signIn(url("/logowanie"), email, DemoAccounts.PASSWORD);
        if (!browser.driver().getCurrentUrl().endsWith("/logowanie/kod") || actor.pending()) {
            return;
        }
        browser.driver()
                .findElement(By.id("code"))
                .sendKeys(new DefaultCodeGenerator()
                        .generate(DemoAccounts.TOTP_SECRET, System.currentTimeMillis() / 1000 / 30));
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlMatches("/logowanie/kod$")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
