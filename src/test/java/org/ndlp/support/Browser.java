package org.ndlp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One headless Debian Chromium for the whole test run (started on first use, quit when
 * the JVM ends), with the flags this machine needs. Absent browser: tests skip, except on
 * CI where they fail.
 */
public final class Browser {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static WebDriver driver;

	private Browser() {
	}

	public static synchronized WebDriver get() {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI must install Debian chromium and chromium-driver (see .ci/run)");
		}
		assumeTrue(present, "Debian chromium + chromium-driver are not installed; skipping browser test");
		if (driver == null) {
			Path profile;
			try {
				profile = Files.createTempDirectory("ndlp-chromium");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--lang=zh-CN", "--user-data-dir=" + profile, "--window-size=1280,900");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			driver = new ChromeDriver(service, options);
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
			WebDriver started = driver;
			Path startedProfile = profile;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started.quit();
				// the profile folder (~7 MB) would stay in /tmp after every test run
				TempFolders.delete(startedProfile);
			}));
		}
		return driver;
	}

	/**
	 * Signs out whoever is signed in, then signs in as a staff account through the login
	 * form.
	 */
	public static void signIn(String base, String username) {
		WebDriver browser = get();
		browser.manage().deleteAllCookies();
		browser.get(base + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(Http.ADMIN_PASSWORD);
		clickAndWait(By.id("sign-in"));
		enterTotpIfAsked();
	}

	/**
	 * After the password step: when the console asks for a TOTP code (admin roles),
	 * enters the demo admins' current code ({@link Http#TOTP_SECRET}).
	 */
	public static void enterTotpIfAsked() {
		WebDriver browser = get();
		if (browser.getCurrentUrl().contains("/login/totp")) {
			browser.findElement(By.id("totp-code")).sendKeys(Http.totpCode());
			clickAndWait(By.id("totp-submit"));
		}
	}

	/** Clicks something that loads a new page and waits until the old page is gone. */
	public static void clickAndWait(By by) {
		WebDriver browser = get();
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(by).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until((driver) -> gone(page));
	}

	/**
	 * Whether an element's page was replaced. Chromium reports a replaced node either as
	 * stale or as a node that "does not belong to the document".
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (WebDriverException ex) {
			return true;
		}
	}

	/**
	 * Sets an input's value directly (date inputs take keystrokes in the locale's
	 * format).
	 */
	public static void setValue(String id, String value) {
		WebDriver browser = get();
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
				browser.findElement(By.id(id)), value);
	}

	/** Saves a screenshot under target/screenshots, kept as a build artifact. */
	public static Path screenshot(String name) {
		try {
			Path folder = Path.of("target", "screenshots");
			Files.createDirectories(folder);
			Path file = folder.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) get()).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
