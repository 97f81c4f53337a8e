package org.ndlp.identity.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.identity.StaffAccount;
import org.ndlp.identity.StaffAccounts;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delegated staff administration: national admins every account, provincial admins their
 * province's libraries' staff, library admins their own library's; cataloguers 403. An
 * account outside the caller's scope is 404.
 */
@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff accounts")
class StaffApi {

	private final StaffAccounts accounts;

	StaffApi(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(summary = "The staff accounts you administer")
	List<StaffAccount> list() {
		return this.accounts.visibleTo(CurrentUser.require());
	}

	@PostMapping
	@Operation(summary = "Create a staff account in a library you administer, with a role no higher than yours")
	ResponseEntity<StaffAccount> create(@RequestBody NewStaff body) {
		LibraryCode library = (body.library() != null && !body.library().isBlank()) ? library(body.library()) : null;
		StaffAccount account = this.accounts.create(CurrentUser.require(), body.username(), body.password(),
				body.displayName(), body.role(), library);
		return ResponseEntity.created(URI.create("/api/v1/staff/" + account.username())).body(account);
	}

	@GetMapping("/{username}")
	@Operation(summary = "One account you administer (404 outside your scope)")
	StaffAccount get(@PathVariable String username) {
		return this.accounts.get(CurrentUser.require(), username);
	}

	@PutMapping("/{username}")
	@Operation(summary = "Change display name, role or enabled flag (absent fields stay)")
	StaffAccount update(@PathVariable String username, @RequestBody StaffChange body) {
		return this.accounts.update(CurrentUser.require(), username, body.displayName(), body.role(), body.enabled());
	}

	@PostMapping("/{username}/password")
	@Operation(summary = "Reset an account's password (password policy applies)")
	ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody NewPassword body) {
		this.accounts.resetPassword(CurrentUser.require(), username, body.password());
		return ResponseEntity.noContent().build();
	}

	private static LibraryCode library(String code) {
		try {
			return LibraryCode.of(code);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
	}

	record NewStaff(String username, String password, String displayName, StaffRole role, String library) {
	}

	record StaffChange(String displayName, StaffRole role, Boolean enabled) {
	}

	record NewPassword(String password) {
	}

}
