package org.ndlp.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ndlp.identity.OutgoingMessage.Channel;
import org.ndlp.identity.internal.readers.JdbcReaderAccounts;
import org.ndlp.identity.internal.readers.ReaderHashes;
import org.ndlp.identity.internal.readers.ReaderLogins;
import org.ndlp.identity.internal.readers.ReaderLogins.Login;
import org.ndlp.identity.internal.readers.ReaderProperties;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.members.LibraryLevel;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.Conflict;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reader accounts (读者账号): sign-up with an e-mail address or mobile number proved by a
 * 6-digit code, profile, reader cards, real-name check of a resident ID number and the
 * disabled-reader status. Staff read the readers of the libraries in their scope.
 */
@Service
public class ReaderAccounts {

	private static final int MIN_PASSWORD = 8;

	private static final int MAX_PASSWORD = 128;

	private static final int MAX_NAME = 100;

	private static final int MAX_CARD = 64;

	private static final int LIST_LIMIT = 500;

	private final JdbcReaderAccounts readers;

	private final MemberLibraries libraries;

	private final PasswordEncoder passwords;

	private final ReaderHashes hashes;

	private final List<MessageSender> senders;

	private final ObjectProvider<DisabilityVerifier> verifier;

	private final ReaderProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final PasswordPolicy policy;

	public ReaderAccounts(JdbcReaderAccounts readers, MemberLibraries libraries, PasswordEncoder passwords,
			ReaderHashes hashes, List<MessageSender> senders, ObjectProvider<DisabilityVerifier> verifier,
			ReaderProperties properties, Clock clock, PasswordPolicy policy) {
		this.policy = policy;
		this.readers = readers;
		this.libraries = libraries;
		this.passwords = passwords;
		this.hashes = hashes;
		this.senders = senders;
		this.verifier = verifier;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Registers a reader (pending) and sends a verification code to the address or
	 * number. Signing up again before verifying replaces the details and sends a new code
	 * (throttled); a verified login is taken (409).
	 */
	@Transactional
	public ReaderAccount register(ReaderRegistration registration) {
		Login login = loginOf(registration);
		checkPassword(login.value(), registration.password());
		String name = displayName(registration.displayName());
		LibraryCode home = homeLibrary(registration.homeLibrary());
		Instant now = this.clock.instant();
		String hash = this.passwords.encode(registration.password());
		Optional<ReaderAccount> existing = this.readers.findByLogin(login.value());
		long id;
		if (existing.isPresent()) {
			if (existing.get().status() == ReaderStatus.ACTIVE) {
				throw new Conflict("duplicate-login", (login.channel() == Channel.EMAIL) ? "email" : "phone",
						"an account with this " + ((login.channel() == Channel.EMAIL) ? "e-mail address" : "number")
								+ " exists already; sign in or reset the password");
			}
			id = existing.get().id();
			checkResendInterval(id, now);
			this.readers.replacePending(id, hash, name, home, now);
		}
		else {
			id = this.readers.insert((login.channel() == Channel.EMAIL) ? login.value() : null,
					(login.channel() == Channel.SMS) ? login.value() : null, hash, name, home, now);
		}
		sendCode(id, login, now);
		return get(id);
	}

	/** Sends a new code to a reader still waiting for verification (throttled). */
	@Transactional
	public void resend(String loginText) {
		Login login = ReaderLogins.parse(loginText)
			.orElseThrow(() -> new InvalidInput("login", "give the e-mail address or mobile number signed up with"));
		ReaderAccount account = pending(login);
		Instant now = this.clock.instant();
		checkResendInterval(account.id(), now);
		sendCode(account.id(), login, now);
	}

	/**
	 * Checks a code: right and in time activates the account; wrong counts an attempt
	 * (after the last one the code is spent); expired asks for a new one.
	 */
	@Transactional(noRollbackFor = InvalidInput.class)
	public ReaderAccount verify(String loginText, String code) {
		Login login = ReaderLogins.parse(loginText)
			.orElseThrow(() -> new InvalidInput("login", "give the e-mail address or mobile number signed up with"));
		ReaderAccount account = pending(login);
		JdbcReaderAccounts.Code open = this.readers.code(account.id())
			.orElseThrow(() -> new InvalidInput("code", "no code is waiting; ask for a new one"));
		Instant now = this.clock.instant();
		if (open.attempts() >= this.properties.codeAttempts()) {
			throw new InvalidInput("code", "too many wrong codes; ask for a new one");
		}
		if (!now.isBefore(open.expiresAt())) {
			throw new InvalidInput("code", "the code has expired; ask for a new one");
		}
		String given = (code != null) ? code.strip() : "";
		if (!given.matches("\\d{6}") || !this.hashes.hash("code:" + account.id(), given).equals(open.codeHash())) {
			this.readers.countWrongAttempt(account.id());
			int left = this.properties.codeAttempts() - open.attempts() - 1;
			throw new InvalidInput("code", (left > 0) ? "wrong code; " + left + " tries left"
					: "wrong code; no tries left, ask for a new one");
		}
		this.readers.activate(account.id(), now);
		return get(account.id());
	}

	/** The reader with this number, or 404. */
	public ReaderAccount get(long id) {
		return this.readers.find(id).orElseThrow(() -> new NotFound("no reader " + id));
	}

	/** The reader signing in with this e-mail address or mobile number. */
	public Optional<ReaderAccount> findByLogin(String login) {
		return ReaderLogins.parse(login).flatMap((parsed) -> this.readers.findByLogin(parsed.value()));
	}

	/**
	 * Changes the display name and home library and, when {@code newPassword} is given,
	 * the password (which needs the current one).
	 */
	@Transactional
	public ReaderAccount updateProfile(long id, String displayName, String homeLibrary, String currentPassword,
			String newPassword) {
		ReaderAccount account = get(id);
		String name = (displayName != null) ? displayName(displayName) : account.displayName();
		LibraryCode home = (homeLibrary != null) ? homeLibrary(homeLibrary) : account.homeLibrary();
		Instant now = this.clock.instant();
		this.readers.updateProfile(id, name, home, now);
		if (newPassword != null && !newPassword.isEmpty()) {
			String hash = this.readers.passwordHash(id).orElseThrow();
			if (currentPassword == null || !this.passwords.matches(currentPassword, hash)) {
				throw new InvalidInput("currentPassword", "the current password is wrong");
			}
			checkPassword((account.email() != null) ? account.email() : account.phone(), newPassword);
			this.readers.updatePassword(id, this.passwords.encode(newPassword), now);
		}
		return get(id);
	}

	/** Binds a library's reader card; a card number belongs to one reader per library. */
	@Transactional
	public ReaderCard bindCard(long id, String library, String number) {
		LibraryCode code = libraryField("library", library);
		if (this.libraries.find(code).isEmpty()) {
			throw new InvalidInput("library", "no member library " + code);
		}
		String card = (number != null) ? number.strip() : "";
		if (card.isEmpty() || card.length() > MAX_CARD || !card.matches("[0-9A-Za-z-]+")) {
			throw new InvalidInput("number",
					"a card number is 1-" + MAX_CARD + " letters, digits or hyphens, as printed on the card");
		}
		Optional<Long> holder = this.readers.cardHolder(code, card);
		if (holder.isPresent()) {
			throw new Conflict("card-taken", "number", holder.get() == id ? "this card is bound to you already"
					: "card " + card + " of " + code + " is bound to another reader");
		}
		Instant now = this.clock.instant();
		this.readers.bindCard(id, code, card, now);
		return new ReaderCard(code, card, now);
	}

	/** Removes a bound card, or 404 if the reader has no such card. */
	@Transactional
	public void unbindCard(long id, String library, String number) {
		LibraryCode code = libraryField("library", library);
		if (this.readers.unbindCard(id, code, (number != null) ? number.strip() : "") == 0) {
			throw new NotFound("you have no card " + number + " of " + code);
		}
	}

	/**
	 * Records the reader's real name and resident ID number after the GB 11643 check; the
	 * number is kept only as a keyed hash (unique across readers) and masked.
	 */
	@Transactional
	public ReaderAccount setRealName(long id, String name, String idNumber) {
		get(id);
		String realName = (name != null) ? name.strip() : "";
		if (realName.isEmpty() || realName.length() > MAX_NAME) {
			throw new InvalidInput("name", "the name as on the ID card is required (at most " + MAX_NAME + ")");
		}
		ResidentIdNumber number;
		try {
			number = ResidentIdNumber.parse(idNumber, LocalDate.now(this.clock));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("idNumber", ex.getMessage());
		}
		String hash = this.hashes.hash("id-number", number.value());
		if (this.readers.idNumberTaken(hash, id)) {
			throw new Conflict("id-number-taken", "idNumber", "this ID number is registered to another reader");
		}
		this.readers.setRealName(id, realName, hash, number.masked(), this.clock.instant());
		return get(id);
	}

	/**
	 * Asks for the disabled-reader status: checks the certificate's format (and, when the
	 * reader gave an ID number, that the certificate is theirs), then asks the configured
	 * verifier; with none, the status stays pending.
	 */
	@Transactional
	public ReaderAccount requestDisabilityStatus(long id, String certificateNumber) {
		ReaderAccount account = get(id);
		DisabilityCertificateNumber certificate;
		try {
			certificate = DisabilityCertificateNumber.parse(certificateNumber, LocalDate.now(this.clock));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("certificateNumber", ex.getMessage());
		}
		Optional<String> idHash = this.readers.idNumberHash(id);
		if (idHash.isPresent() && !idHash.get().equals(this.hashes.hash("id-number", certificate.idNumber().value()))) {
			throw new InvalidInput("certificateNumber",
					"the certificate's ID number is not the one given for real-name verification");
		}
		DisabilityVerifier configured = this.verifier.getIfAvailable();
		DisabilityVerifier.Verdict verdict = (configured != null) ? configured.verify(certificate, account.realName())
				: new DisabilityVerifier.Verdict(DisabilityStatus.PENDING, "no verifier is configured");
		this.readers.setDisability(id, this.hashes.hash("disability", certificate.value()), certificate.masked(),
				certificate.category(), certificate.level(), verdict.status(), truncate(verdict.note()),
				this.clock.instant());
		return get(id);
	}

	/**
	 * Readers whose home library the staff member covers: the nation, a province's
	 * libraries, or its own library; {@code library} narrows it to one library in scope.
	 */
	public List<ReaderAccount> list(CurrentUser user, String library) {
		if (library != null && !library.isBlank()) {
			MemberLibrary wanted = this.libraries.get(libraryField("library", library));
			if (!covers(user, wanted)) {
				throw new OutOfScope(user.username() + " may not see the readers of " + wanted.code());
			}
			return this.readers.list(wanted.code(), null, LIST_LIMIT);
		}
		return switch (user.role()) {
			case NATIONAL_ADMIN -> this.readers.list(null, null, LIST_LIMIT);
			case PROVINCIAL_ADMIN -> this.readers.list(null, user.region().provincePrefix(), LIST_LIMIT);
			case LIBRARY_ADMIN, CATALOGER -> this.readers.list(user.library(), null, LIST_LIMIT);
		};
	}

	private static boolean covers(CurrentUser user, MemberLibrary library) {
		return switch (user.role()) {
			case NATIONAL_ADMIN -> true;
			case PROVINCIAL_ADMIN ->
				library.level() != LibraryLevel.NATIONAL && user.region().sameProvinceAs(library.regionCode());
			case LIBRARY_ADMIN, CATALOGER -> user.library().equals(library.code());
		};
	}

	private ReaderAccount pending(Login login) {
		ReaderAccount account = this.readers.findByLogin(login.value())
			.orElseThrow(() -> new InvalidInput("login", "no account is waiting for verification under this login"));
		if (account.status() != ReaderStatus.PENDING) {
			throw new InvalidInput("login", "this account is verified already; sign in");
		}
		return account;
	}

	private void checkResendInterval(long id, Instant now) {
		Optional<JdbcReaderAccounts.Code> last = this.readers.code(id);
		if (last.isPresent()) {
			Instant allowed = last.get().sentAt().plus(this.properties.resendInterval());
			if (now.isBefore(allowed)) {
				throw new ResendTooSoon(Math.max(1, Duration.between(now, allowed).toSeconds()));
			}
		}
	}

	private void sendCode(long id, Login login, Instant now) {
		String code = String.format("%06d", this.random.nextInt(1_000_000));
		this.readers.putCode(id, login.value(), this.hashes.hash("code:" + id, code),
				now.plus(this.properties.codeTtl()), now);
		long minutes = Math.max(1, this.properties.codeTtl().toMinutes());
		OutgoingMessage message = new OutgoingMessage(login.channel(), login.value(), "NDLP 验证码 verification code",
				"【数字图书馆推广工程】您的验证码是 " + code + "，" + minutes + " 分钟内有效。Your NDLP verification code is " + code
						+ " (valid for " + minutes + " minutes).");
		this.senders.stream()
			.filter((sender) -> sender.supports(login.channel()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no message sender for " + login.channel()))
			.send(message);
	}

	private static Login loginOf(ReaderRegistration registration) {
		boolean hasEmail = registration.email() != null && !registration.email().isBlank();
		boolean hasPhone = registration.phone() != null && !registration.phone().isBlank();
		if (hasEmail == hasPhone) {
			throw new InvalidInput(hasEmail ? "phone" : "email",
					"sign up with either an e-mail address or a mobile number (one of the two)");
		}
		if (hasEmail) {
			return ReaderLogins.parse(registration.email())
				.filter((login) -> login.channel() == Channel.EMAIL)
				.orElseThrow(() -> new InvalidInput("email", "not an e-mail address"));
		}
		return ReaderLogins.parse(registration.phone())
			.filter((login) -> login.channel() == Channel.SMS)
			.orElseThrow(() -> new InvalidInput("phone",
					"not a China mainland mobile number (11 digits starting 13-19, e.g. 13800138000)"));
	}

	// the shared policy (not the login, not a common password) with the readers' lower
	// minimum, and a few rules of our own
	private void checkPassword(String login, String password) {
		if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
			throw new InvalidInput("password",
					"the password needs " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
		}
		this.policy.check(login, password, MIN_PASSWORD);
		if (password.chars().allMatch(Character::isDigit) || password.chars().distinct().count() < 4) {
			throw new InvalidInput("password", "the password is too easy to guess: mix letters and digits");
		}
	}

	private static String displayName(String text) {
		String name = (text != null) ? text.strip() : "";
		if (name.isEmpty() || name.length() > MAX_NAME) {
			throw new InvalidInput("displayName", "a display name of 1-" + MAX_NAME + " characters is required");
		}
		return name;
	}

	private LibraryCode homeLibrary(String text) {
		LibraryCode code = libraryField("homeLibrary", text);
		if (this.libraries.find(code).isEmpty()) {
			throw new InvalidInput("homeLibrary", "no member library " + code);
		}
		return code;
	}

	private static LibraryCode libraryField(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInput(field, "a member library code is required (e.g. CN-440100-GZL)");
		}
		try {
			return LibraryCode.of(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(field, ex.getMessage());
		}
	}

	private static String truncate(String note) {
		return (note != null && note.length() > 500) ? note.substring(0, 500) : note;
	}

}
