package org.ndlp.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.ndlp.shared.problem.InvalidInput;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one password policy of the platform, for every kind of account: a minimum length
 * ({@code ndlp.identity.password.staff-min-length}, default 12, for staff; reader
 * accounts pass their own minimum), not containing the login name, not one of the common
 * passwords in {@code identity/common-passwords.txt}. A violation is a 400 problem naming
 * the field {@code password}.
 */
@Component
public class PasswordPolicy {

	private static final String COMMON = "identity/common-passwords.txt";

	private final int staffMinLength;

	private final Set<String> common;

	public PasswordPolicy(@Value("${ndlp.identity.password.staff-min-length:12}") int staffMinLength) {
		this.staffMinLength = staffMinLength;
		this.common = load();
	}

	/** The minimum length of a staff password. */
	public int staffMinLength() {
		return this.staffMinLength;
	}

	/**
	 * Checks a staff password; throws {@link InvalidInput} for field {@code password}.
	 */
	public void checkStaff(String login, String password) {
		check(login, password, this.staffMinLength);
	}

	/**
	 * Checks a password against a given minimum length (reader accounts may use a lower
	 * one than staff); throws {@link InvalidInput} for field {@code password}.
	 */
	public void check(String login, String password, int minLength) {
		String problem = problem(login, password, minLength);
		if (problem != null) {
			throw new InvalidInput("password", problem);
		}
	}

	/** What is wrong with a password, or {@code null} when it passes. */
	public String problem(String login, String password, int minLength) {
		if (password == null || password.codePointCount(0, password.length()) < minLength) {
			return "password must have at least " + minLength + " characters";
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (login != null && login.length() >= 3 && lower.contains(login.toLowerCase(Locale.ROOT))) {
			return "password must not contain the login name";
		}
		if (this.common.contains(lower)) {
			return "password is one of the most common passwords; choose another";
		}
		return null;
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON)) {
			if (in == null) {
				throw new IllegalStateException(COMMON + " is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String word = line.strip();
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
