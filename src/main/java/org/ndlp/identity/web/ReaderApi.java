package org.ndlp.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.ndlp.identity.ReaderAccount;
import org.ndlp.identity.ReaderAccounts;
import org.ndlp.identity.ReaderCard;
import org.ndlp.identity.ReaderRegistration;
import org.ndlp.identity.internal.readers.ReaderLogins;
import org.ndlp.identity.internal.readers.ReaderPrincipal;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reader accounts over REST. Sign-up, verification and resend are public;
 * {@code /api/v1/me/**} is the signed-in reader's own (HTTP Basic with e-mail or mobile
 * number); the reader list is for staff, scoped to their libraries.
 */
@RestController
class ReaderApi {

	private final ReaderAccounts readers;

	ReaderApi(ReaderAccounts readers) {
		this.readers = readers;
	}

	/**
	 * A sign-up.
	 *
	 * @param email the e-mail address, or null
	 * @param phone the mobile number, or null
	 * @param password the password
	 * @param displayName the name shown
	 * @param homeLibrary the home library code
	 */
	record SignUp(String email, String phone, String password, String displayName, String homeLibrary) {
	}

	/**
	 * A verification code.
	 *
	 * @param login the e-mail address or mobile number signed up with
	 * @param code the six digits
	 */
	record Verification(String login, String code) {
	}

	/**
	 * A request for a new code.
	 *
	 * @param login the e-mail address or mobile number signed up with
	 */
	record Resend(String login) {
	}

	/**
	 * A profile change.
	 *
	 * @param displayName the new name, or null
	 * @param homeLibrary the new home library, or null
	 * @param currentPassword the current password (to change it)
	 * @param newPassword the new password, or null
	 */
	record ProfileChange(String displayName, String homeLibrary, String currentPassword, String newPassword) {
	}

	/**
	 * A card to bind.
	 *
	 * @param library the issuing library
	 * @param number the card number
	 */
	record CardBinding(String library, String number) {
	}

	/**
	 * A real-name request.
	 *
	 * @param name the name on the ID card
	 * @param idNumber the 18-character ID number
	 */
	record RealName(String name, String idNumber) {
	}

	/**
	 * A disabled-reader request.
	 *
	 * @param certificateNumber the 20-character certificate number
	 */
	record Disability(String certificateNumber) {
	}

	@PostMapping("/api/v1/readers")
	ResponseEntity<Map<String, Object>> signUp(@RequestBody SignUp body) {
		ReaderAccount account = this.readers.register(new ReaderRegistration(body.email(), body.phone(),
				body.password(), body.displayName(), body.homeLibrary()));
		return ResponseEntity.created(URI.create("/api/v1/me"))
			.body(Map.of("id", account.id(), "status", account.status(), "login", account.login(), "codeSentTo",
					ReaderLogins.masked(account.login())));
	}

	@PostMapping("/api/v1/readers/verify")
	ReaderAccount verify(@RequestBody Verification body) {
		return this.readers.verify(body.login(), body.code());
	}

	@PostMapping("/api/v1/readers/resend")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> resend(@RequestBody Resend body) {
		this.readers.resend(body.login());
		return Map.of("codeSentTo", ReaderLogins.masked(body.login().strip()));
	}

	@GetMapping("/api/v1/readers")
	List<ReaderAccount> list(@RequestParam(required = false) String library) {
		return this.readers.list(CurrentUser.require(), library);
	}

	@GetMapping("/api/v1/me")
	ReaderAccount me(@AuthenticationPrincipal ReaderPrincipal reader) {
		return this.readers.get(reader.readerId());
	}

	@PutMapping("/api/v1/me")
	ReaderAccount update(@AuthenticationPrincipal ReaderPrincipal reader, @RequestBody ProfileChange body) {
		return this.readers.updateProfile(reader.readerId(), body.displayName(), body.homeLibrary(),
				body.currentPassword(), body.newPassword());
	}

	@GetMapping("/api/v1/me/cards")
	List<ReaderCard> cards(@AuthenticationPrincipal ReaderPrincipal reader) {
		return this.readers.get(reader.readerId()).cards();
	}

	@PostMapping("/api/v1/me/cards")
	@ResponseStatus(HttpStatus.CREATED)
	ReaderCard bind(@AuthenticationPrincipal ReaderPrincipal reader, @RequestBody CardBinding body) {
		return this.readers.bindCard(reader.readerId(), body.library(), body.number());
	}

	@DeleteMapping("/api/v1/me/cards/{library}/{number}")
	ResponseEntity<Void> unbind(@AuthenticationPrincipal ReaderPrincipal reader, @PathVariable String library,
			@PathVariable String number) {
		this.readers.unbindCard(reader.readerId(), library, number);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/me/real-name")
	ReaderAccount realName(@AuthenticationPrincipal ReaderPrincipal reader, @RequestBody RealName body) {
		return this.readers.setRealName(reader.readerId(), body.name(), body.idNumber());
	}

	@PostMapping("/api/v1/me/disability")
	ReaderAccount disability(@AuthenticationPrincipal ReaderPrincipal reader, @RequestBody Disability body) {
		return this.readers.requestDisabilityStatus(reader.readerId(), body.certificateNumber());
	}

}
