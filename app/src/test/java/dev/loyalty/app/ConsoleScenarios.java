package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console at {@code /admin} driven as a marketer would, in Debian's headless Chromium,
 * on the shared deployment (run by {@code ServiceIT.Console}). Each page is photographed into
 * {@code target/screenshots} and checked by axe-core in the page: no serious or critical
 * violation. Without {@code chromium} and {@code chromedriver} on this machine the scenarios say
 * so in one line and are skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleScenarios {

    static final Path CHROMIUM = Path.of(System.getProperty("loyalty.it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("loyalty.it.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("loyalty.it.screenshots", "target/screenshots"));
    static final String BASE = "http://127.0.0.1:" + System.getProperty("loyalty.it.http.port");

    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startTheBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            System.out.println("ConsoleScenarios skipped: no " + CHROMIUM + " and " + CHROMEDRIVER
                    + " here (apt-get install chromium chromium-driver)");
        }
        assumeTrue(present, "no Chromium on this machine");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1366,900",
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.get(BASE + "/admin/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear();");
    }

    @Test
    void nothingWithoutATokenThenSignInWithOne() {
        browser.get(BASE + "/admin/#/dashboard");
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(browser.findElement(By.id("dev-signin")).isDisplayed())
                .as("no development sign-in where the service was given its key")
                .isFalse();
        token.sendKeys("not-a-token");
        browser.findElement(By.id("signin-submit")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("token"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("token-error")).getText()).contains("refused");
        page("signin");

        signIn();

        WebElement members = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-members")));
        assertThat(members.getText()).contains("Members");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-members svg")));
        page("dashboard");
    }

    @Test
    void findACustomerAdjustTheirPointsAndSeeItInTheTimelineAndTheLiability() {
        String family = "Console" + unique();
        String marco = CustomerSearchScenarios.enrolNamed("Marco", family);
        long liability = API.get("/api/v1/dashboard", Api.admin())
                .json()
                .getJsonNumber("pointsOutstanding")
                .longValue();
        signIn();

        browser.get(BASE + "/admin/#/customers");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-by")))).selectByValue("name");
        browser.findElement(By.id("search-value")).sendKeys("marco " + family.toLowerCase(Locale.ROOT));
        browser.findElement(By.id("search-submit")).click();
        WebElement found = wait.until(ExpectedConditions.elementToBeClickable(By.linkText(family + " Marco")));
        page("customers");
        found.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("adjust-points")))
                .sendKeys("123");
        browser.findElement(By.id("adjust-reason")).sendKeys("Goodwill for a late delivery");
        browser.findElement(By.id("adjust-submit")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "ADJUST"));
        assertThat(browser.findElement(By.id("ledger")).getText()).contains("Goodwill for a late delivery");
        assertThat(browser.getCurrentUrl()).endsWith(marco);
        page("customer");

        browser.findElement(By.linkText("Dashboard")).click();
        String expected = String.format(Locale.UK, "%,d", liability + 123);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-liability"), expected));
    }

    @Test
    void aBadValueIsShownAtItsField() {
        String marco = enrolled("console." + unique() + "@example.com", null).getString("customerId");
        signIn();
        browser.get(BASE + "/admin/#/customers/" + marco);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("adjust-points")))
                .sendKeys("50");
        browser.findElement(By.id("adjust-submit")).click(); // no reason: the API names the field

        wait.until(ExpectedConditions.attributeToBe(By.id("adjust-reason"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("adjust-reason-error")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("adjust-points")).getAttribute("aria-invalid"))
                .isNull();
        assertThat(API.get("/api/v1/customers/" + marco + "/wallet", Api.admin())
                        .json()
                        .getJsonNumber("balance")
                        .longValue())
                .as("nothing changed")
                .isZero();
        page("field-error");
    }

    @Test
    void retryADeadLetter() throws Exception {
        String marco =
                enrolled("console." + unique() + "@example.com", uniquePhone()).getString("customerId");
        Api.Reply sent = API.post(
                "/api/v1/customers/" + marco + "/messages",
                Api.admin(),
                "{\"template\": \"Usa {couponCode}\", \"transactional\": true}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        String broken = sent.json().getString("messageId");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!API.get("/api/v1/messages/" + broken, Api.admin())
                .json()
                .getString("status")
                .equals("FAILED")) {
            assertThat(System.nanoTime()).as("the message became a dead letter").isLessThan(deadline);
            Thread.sleep(200);
        }
        signIn();

        browser.get(BASE + "/admin/#/messages");
        WebElement retry = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-message='" + broken + "']")));
        page("messages");
        retry.click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "Queued again"));
        assertThat(API.get("/api/v1/messages/" + broken, Api.admin()).json().getJsonArray("history").stream()
                        .map(step -> step.asJsonObject().getString("status") + " "
                                + step.asJsonObject().getString("detail"))
                        .toList())
                .as("queued again by the console's user")
                .anyMatch(step -> step.startsWith("REQUEUED") && step.contains("console-user"));
    }

    @Test
    void speaksItalianOnRequest() {
        signIn();
        new Select(browser.findElement(By.id("lang"))).selectByValue("it");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "Clienti"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-members"), "Iscritti"));
        page("dashboard-it");
    }

    private void signIn() {
        if (!browser.getCurrentUrl().endsWith("#/signin")) {
            browser.get(BASE + "/admin/#/signin");
        }
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        // as pasted: the whole token at once, replacing whatever was typed before
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", token, Api.admin());
        browser.findElement(By.id("signin-submit")).click();
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-members")));
        } catch (org.openqa.selenium.TimeoutException e) {
            shoot("signin-failed");
            throw new AssertionError(
                    "no dashboard after signing in at " + browser.getCurrentUrl() + ": "
                            + browser.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    private void shoot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(
                    SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Photographs the page and checks it with axe-core: no serious or critical violation. */
    private void page(String name) {
        shoot(name);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(AXE);
        Object violations = js.executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));""");
        assertThat((List<?>) violations).as("axe-core on " + name).isEmpty();
    }

    private static final String AXE = read("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");

    private static String read(String resource) {
        try (InputStream in = ConsoleScenarios.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
