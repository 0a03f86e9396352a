package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import pl.koordes.support.DemoAccounts;

/**
 * One headless Debian Chromium per test class, driven by Debian's chromedriver. Register it as a
 * static {@code @RegisterExtension} field: the browser starts on first use and quits after the class.
 *
 * <p>Where Chromium or chromedriver is missing the tests are skipped with a notice on stderr, except
 * on CI ({@code CI=true}), where a browser test that silently ran nothing would hide a broken set-up.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    /** Desktop size for every page unless a test narrows the viewport. */
    static final int WIDTH = 1280;

    static final int HEIGHT = 900;

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Whether {@link #fullPageScreenshot} saves anything; on unless {@code KOORDES_SCREENSHOTS=false}. */
    static final boolean SCREENSHOTS_WANTED = !"false".equalsIgnoreCase(System.getenv("KOORDES_SCREENSHOTS"));

    static final String CHROMIUM_PROPERTY = "koordes.e2e.chromium";
    static final String CHROMEDRIVER_PROPERTY = "koordes.e2e.chromedriver";

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final boolean javaScript;
    private ChromeDriver driver;
    private Path profile;

    private Browser(boolean javaScript) {
        this.javaScript = javaScript;
    }

    public static Browser withJavaScript() {
        return new Browser(true);
    }

    /** A browser as readers with scripts turned off see the site: pages must work without JavaScript. */
    public static Browser withoutJavaScript() {
        return new Browser(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> missing = missingTools();
        if (missing.isEmpty()) {
            return;
        }
        String message =
                "Browser tests need Debian's Chromium and chromedriver (apt-get install chromium chromium-driver): "
                        + missing.get();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + ". CI must run the browser tests, so this is a failure.");
        }
        System.err.println("SKIPPED " + context.getDisplayName() + ": " + message);
        Assumptions.abort(message);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            deleteProfile();
        }
    }

    /** The running browser, started on first call. */
    public synchronized ChromeDriver driver() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    public JavascriptExecutor js() {
        return driver();
    }

    /**
     * A wait that also keeps waiting when the element it reads is replaced while it reads it: the page it waits for
     * is loading. Chrome reports that as "Node with given id does not belong to the document", not as a stale
     * element (which the conditions already wait through), and it failed a CI run once.
     */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver(), WAIT) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> isTrue) {
                return super.<V>until(d -> {
                    try {
                        return isTrue.apply(d);
                    } catch (WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
    }

    public void open(String url) {
        driver().get(url);
    }

    /**
     * Forgets cookies, so a language chosen by one page ({@code ?lang=en} is remembered in a cookie)
     * does not leak into the next test, and the pages the browser keeps.
     */
    public void forgetCookies() {
        driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
        // A new visitor, not one who saw the site a moment ago: public pages may be kept by the browser for their
        // max-age (Cache-Control: public), so what the previous visitor saw must not be shown to this one.
        driver().executeCdpCommand("Network.clearBrowserCache", Map.of());
    }

    /** The HTTP status of the document shown, from the Navigation Timing entry (works with JavaScript only). */
    public long status() {
        Object status = js().executeScript(
                        "const entry = performance.getEntriesByType('navigation')[0]; return entry ? entry.responseStatus : -1;");
        return ((Number) status).longValue();
    }

    /** Narrows the layout viewport as a phone would, without the window's own minimum size getting in the way. */
    public void emulateViewportWidth(int width) {
        driver().executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
    }

    public void resetViewport() {
        driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * Saves the whole page as {@code target/screenshots/<name>.png}, then runs axe-core on it: no WCAG 2.1
     * A/AA violation may be found.
     */
    public void checkAccessible(String name) {
        fullPageScreenshot(name);
        assertThat(Accessibility.violations(driver()))
                .as("axe-core WCAG 2.1 A/AA violations on %s", driver().getCurrentUrl())
                .isEmpty();
    }

    /**
     * Fills in and sends the sign-in form at {@code signInPage} (the full address of /logowanie), then waits
     * until the browser has left it: for the account's start page, or for the second-factor step.
     */
    public void signIn(String signInPage, String email, String password) {
        open(signInPage);
        driver().findElement(By.id("email")).sendKeys(email);
        driver().findElement(By.id("password")).sendKeys(password);
        driver().findElement(By.cssSelector("form[action='/logowanie'] button[type=submit]"))
                .click();
        waiting().until(d -> !d.getCurrentUrl().endsWith("/logowanie"));
    }

    /**
     * Signs a demo account in fully at the site {@code base} ({@code http://localhost:port}): the password,
     * then, for an account with a second factor, the current code of the demo key. The caller clears the
     * account's last used code step first when a test may sign in twice within one 30-second step.
     */
    public void signInFully(String base, String email) throws CodeGenerationException {
        forgetCookies();
        signIn(base + "/logowanie", email, DemoAccounts.PASSWORD);
        waiting()
                .until(ExpectedConditions.or(
                        ExpectedConditions.urlMatches("/logowanie/kod$"), ExpectedConditions.urlMatches("/konto$")));
        if (driver().getCurrentUrl().endsWith("/logowanie/kod")) {
            driver().findElement(By.id("code"))
                    .sendKeys(new DefaultCodeGenerator()
                            .generate(DemoAccounts.TOTP_SECRET, System.currentTimeMillis() / 1000 / 30));
            driver().findElement(By.cssSelector("form button[type=submit]")).click();
            waiting().until(ExpectedConditions.urlMatches("/konto$"));
        }
    }

    /**
     * Signs a demo account in fully once more: its last used code step is cleared first, so that a second sign-in
     * within the same 30-second step is not refused as a replayed code.
     */
    public void signInAgain(org.springframework.jdbc.core.simple.JdbcClient jdbc, String base, String email)
            throws CodeGenerationException {
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        signInFully(base, email);
    }

    /** Sends the form by pressing Enter on its main submit button (one without a name), as a keyboard user does. */
    public void sendByKeyboard(String form) {
        driver().findElement(By.cssSelector(form + " button[type=submit]:not([name])"))
                .sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    /** The text of the page's main region, as a reader sees it. */
    public String mainText() {
        return driver().findElement(By.tagName("main")).getText();
    }

    /**
     * The page as it is, at the desktop width and at a phone's (375 px): zero axe violations at both (with
     * screenshots {@code name} and {@code name-375}) and nothing wider than the phone's screen.
     */
    public void checkAccessibleAtBothWidths(String name) {
        checkAccessible(name);
        emulateViewportWidth(Reflow.PHONE);
        try {
            checkAccessible(name + "-375");
            Reflow.assertNoHorizontalOverflow(this, name);
        } finally {
            resetViewport();
        }
    }

    /**
     * Saves the whole page, not just the viewport, as {@code target/screenshots/<name>.png} and checks
     * the file is a PNG that can be read back. Screenshots are for people to look at; where nobody will
     * ({@code KOORDES_SCREENSHOTS=false}, as {@code .ci/run} sets it: CI keeps no files of a passing run) none is
     * taken, which spares a capture of the whole page, its decoding and its writing at every page checked.
     */
    public @Nullable Path fullPageScreenshot(String name) {
        if (!SCREENSHOTS_WANTED) {
            return null;
        }
        Map<String, Object> metrics = driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        // Captured beyond the viewport, the page needs no vertical scroll bar and is laid out across the
        // whole window: clipped at the content's width (measured beside the bar) its right edge was cut off.
        long window = ((Number) js().executeScript("return window.innerWidth")).longValue();
        long width = Math.max(window, (long) Math.ceil(((Number) content.get("width")).doubleValue()));
        long height = (long) Math.ceil(((Number) content.get("height")).doubleValue());
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Map<String, Object> shot = driver().executeCdpCommand(
                        "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("screenshot %s is a readable PNG", name).isNotNull();
            assertThat(image.getHeight()).as("screenshot %s height", name).isPositive();
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ChromeDriver start() {
        try {
            profile = Files.createTempDirectory("koordes-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        // Set explicitly, together with the driver below, so Selenium Manager never looks for or downloads a browser.
        options.setBinary(chromium().orElseThrow().toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--user-data-dir=" + profile.toAbsolutePath());
        // An alert must stay open so a test can see it appeared; the default would dismiss it silently.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        if (!javaScript) {
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("profile.managed_default_content_settings.javascript", 2);
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().orElseThrow().toFile())
                .usingAnyFreePort()
                .withLogLevel(ChromiumDriverLogLevel.WARNING)
                .build();
        ChromeDriver started = new ChromeDriver(service, options);
        started.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return started;
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            System.err.println("Could not delete the browser profile " + profile + ": " + e);
        }
        profile = null;
    }

    private static Optional<String> missingTools() {
        if (chromium().isEmpty()) {
            return Optional.of("no executable "
                    + System.getProperty(CHROMIUM_PROPERTY, "'chromium' on PATH (nor /usr/bin/chromium)"));
        }
        if (chromedriver().isEmpty()) {
            return Optional.of("no executable "
                    + System.getProperty(CHROMEDRIVER_PROPERTY, "/usr/bin/chromedriver (nor 'chromedriver' on PATH)"));
        }
        return Optional.empty();
    }

    /**
     * Like {@code command -v chromium}. The system property {@value #CHROMIUM_PROPERTY} names another
     * binary (and a missing one shows what happens on a machine without Chromium).
     */
    static Optional<Path> chromium() {
        String chosen = System.getProperty(CHROMIUM_PROPERTY);
        if (chosen != null) {
            return executable(Path.of(chosen));
        }
        return onPath("chromium").or(() -> executable(Path.of("/usr/bin/chromium")));
    }

    /** Debian's chromedriver, which matches Debian's Chromium; {@value #CHROMEDRIVER_PROPERTY} names another. */
    static Optional<Path> chromedriver() {
        String chosen = System.getProperty(CHROMEDRIVER_PROPERTY);
        if (chosen != null) {
            return executable(Path.of(chosen));
        }
        return executable(Path.of("/usr/bin/chromedriver")).or(() -> onPath("chromedriver"));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .flatMap(candidate -> executable(candidate).stream())
                .findFirst();
    }

    private static Optional<Path> executable(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate)
                ? Optional.of(candidate)
                : Optional.empty();
    }
}
