package org.exposure.assessor.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver, both Debian's packages (chromium, chromium-driver): nothing is
 * downloaded at build time. Without them the browser tests are skipped, unless ASSESSOR_BROWSER_TESTS=required
 * (as in CI), where their absence fails the build rather than passing it silently. One browser per test class;
 * each test signs in as the user it acts as.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("browser.binary", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("browser.driver", "/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final URL base;
    private final Path profile;

    private Browser(ChromeDriver driver, URL base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** A browser at the service's root URL, or the test skipped (failed where browsers are required). */
    static Browser open(URL base) {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present && "required".equals(System.getenv("ASSESSOR_BROWSER_TESTS"))) {
            throw new IllegalStateException("browser tests are required (ASSESSOR_BROWSER_TESTS=required) but "
                    + CHROMIUM + " or " + DRIVER + " is missing: install Debian's chromium and chromium-driver");
        }
        assumeTrue(present, "no Chromium here (" + CHROMIUM + ", " + DRIVER + "): browser tests skipped");
        try {
            Path profile = Files.createTempDirectory("assessor-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-GB");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            return new Browser(driver, base, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a path of the service. */
    Browser go(String path) {
        driver.get(url(path));
        return this;
    }

    String url(String path) {
        String root = base.toString().replaceAll("/+$", "");
        return root + (path.startsWith("/") ? path : "/" + path);
    }

    /** Signs in through the sign-in page as one of the test users (signing out whoever was signed in). */
    Browser signIn(String user, String password) {
        driver.manage().deleteAllCookies();
        go("/login");
        type("j_username", user);
        type("j_password", password);
        clickAndWait(driver.findElement(By.cssSelector("form button[type=submit]")));
        waitFor(By.cssSelector("header .who"));
        return this;
    }

    Browser signIn(String user) {
        return signIn(user, user.equals("batch-system") ? "machine-secret" : user + "-secret");
    }

    /** Replaces the text of the input with this id or name. */
    Browser type(String idOrName, String text) {
        WebElement e = field(idOrName);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    WebElement field(String idOrName) {
        var byId = driver.findElements(By.id(idOrName));
        return byId.isEmpty() ? driver.findElement(By.name(idOrName)) : byId.get(0);
    }

    /** Clicks something that loads another page (a link, a form's button) and waits until the new page is there. */
    Browser clickAndWait(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, WAIT).until(d -> left(page));
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the browser has left the page this element was on. Chromium answers a question about a node of a page
     * being replaced either "stale" or "does not belong to the document"; both mean the page is gone.
     */
    private static boolean left(WebElement oldPage) {
        try {
            oldPage.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks the visible button with this text and waits for the page it loads. */
    Browser press(String buttonText) {
        return clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "' and not(@aria-hidden)]")));
    }

    WebElement waitFor(By by) {
        // An element of a page being replaced may vanish between being found and being asked whether it is visible.
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    String heading() {
        return text(By.tagName("h1"));
    }

    /** Saves a screenshot of the top of the page under -Dscreenshots.dir (target/screenshots by default). */
    void screenshot(String name) {
        driver.executeScript("window.scrollTo(0, 0)");
        try {
            Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
