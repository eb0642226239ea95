package it.filodiretto.e2e;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One person's browser: headless Chromium driven by Debian's chromedriver (no driver download), with the
 * waits a person would do (until what they look for is on the page).
 */
public final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    final WebDriver driver;
    final Path downloads;
    private final WebDriverWait wait;

    Browser(String language) {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver; .ci/run does it)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                        "--lang=" + language);
        try {
            downloads = Files.createDirectories(RunningApplication.WORK.resolve("downloads")).resolve(String.valueOf(System.nanoTime()));
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language,
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // headless Chromium saves downloads only when told where
        chrome.executeCdpCommand("Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        driver = chrome;
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // pages re-render what they poll (the phone, the inbox, the statistics): look again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    void open(String path) {
        driver.get(RunningApplication.base() + path);
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Clicks the first element matching {@code css} whose text contains {@code text}. */
    void clickText(String css, String text) {
        wait.until(d -> d.findElements(By.cssSelector(css)).stream().filter(e -> e.isDisplayed() && e.getText().contains(text))
                .findFirst().orElse(null)).click();
    }

    /** Waits until the text of the page (or of {@code css}) contains {@code text}; returns that text. */
    String awaitText(String css, String text) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.stream().map(WebElement::getText).filter(t -> t.contains(text)).findFirst().orElse(null);
        });
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    void login(String username, String password) {
        open("login.xhtml");
        type("input[id$='username']", username);
        type("input[id$='password']", password);
        click("button[id$='submit']");
        wait.until(d -> d.getCurrentUrl().contains("/console/"));
    }

    /** Waits for a downloaded file whose name contains {@code part}; returns its content. */
    String downloaded(String part) {
        return wait.until(d -> {
            try (var files = Files.list(downloads)) {
                Path file = files.filter(f -> f.getFileName().toString().contains(part) && !f.toString().endsWith(".crdownload"))
                        .findFirst().orElse(null);
                return file == null ? null : Files.readString(file);
            } catch (IOException e) {
                return null;
            }
        });
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
