package org.ndlp.identity.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.ndlp.identity.AuditLog;
import org.ndlp.identity.StaffAccount;
import org.ndlp.identity.StaffAccounts;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.ProblemException;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console pages for staff accounts ({@code /admin/accounts}: list, create, edit, disable,
 * reset password) and the audit log ({@code /admin/audit}), in the admin's scope;
 * cataloguers get the 403 page.
 */
@Controller
class AccountsConsole {

	private final StaffAccounts accounts;

	private final AuditLog audit;

	AccountsConsole(StaffAccounts accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/admin/accounts")
	String list(Model model) {
		model.addAttribute("accounts", this.accounts.visibleTo(CurrentUser.require()));
		return "admin/accounts";
	}

	@GetMapping("/admin/accounts/new")
	String newForm(Model model) {
		this.accounts.visibleTo(CurrentUser.require());
		model.addAttribute("account", null);
		return form(model, "", "", "", StaffRole.CATALOGER.name(), CurrentUser.require().library().value());
	}

	@PostMapping("/admin/accounts/new")
	String create(@RequestParam String username, @RequestParam String password,
			@RequestParam(required = false) String displayName, @RequestParam String role, @RequestParam String library,
			Model model) {
		try {
			StaffAccount account = this.accounts.create(CurrentUser.require(), username.strip(), password, displayName,
					role(role), libraryCode(library));
			return "redirect:/admin/accounts/" + account.username() + "?created";
		}
		catch (ProblemException ex) {
			error(model, ex);
			model.addAttribute("account", null);
			return form(model, username, displayName, "", role, library);
		}
	}

	@GetMapping("/admin/accounts/{username}")
	String edit(@PathVariable String username, Model model) {
		StaffAccount account = this.accounts.get(CurrentUser.require(), username);
		model.addAttribute("account", account);
		return form(model, account.username(), account.displayName(), "", account.role().name(),
				account.library().value());
	}

	@PostMapping("/admin/accounts/{username}")
	String update(@PathVariable String username, @RequestParam(required = false) String displayName,
			@RequestParam String role, @RequestParam(defaultValue = "false") boolean enabled, Model model) {
		try {
			this.accounts.update(CurrentUser.require(), username, (displayName != null) ? displayName : "", role(role),
					enabled);
			return "redirect:/admin/accounts/" + username + "?saved";
		}
		catch (ProblemException ex) {
			error(model, ex);
			StaffAccount account = this.accounts.get(CurrentUser.require(), username);
			model.addAttribute("account", account);
			return form(model, username, displayName, "", role, account.library().value());
		}
	}

	@PostMapping("/admin/accounts/{username}/password")
	String resetPassword(@PathVariable String username, @RequestParam String password, Model model) {
		try {
			this.accounts.resetPassword(CurrentUser.require(), username, password);
			return "redirect:/admin/accounts/" + username + "?passwordReset";
		}
		catch (ProblemException ex) {
			error(model, ex);
			StaffAccount account = this.accounts.get(CurrentUser.require(), username);
			model.addAttribute("account", account);
			return form(model, username, account.displayName(), "", account.role().name(), account.library().value());
		}
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		try {
			model.addAttribute("events", this.audit.search(CurrentUser.require(), actor, action, day(from, "from"),
					(day(to, "to") != null) ? day(to, "to").plusSeconds(86_400) : null, Math.max(page, 0), 50));
		}
		catch (InvalidInput ex) {
			error(model, ex);
			model.addAttribute("events", this.audit.search(CurrentUser.require(), actor, action, null, null, 0, 50));
		}
		return "admin/audit";
	}

	private String form(Model model, String username, String displayName, String password, String role,
			String library) {
		CurrentUser user = CurrentUser.require();
		List<StaffRole> grantable = Arrays.stream(StaffRole.values())
			.filter((r) -> r.ordinal() >= user.role().ordinal())
			.toList();
		model.addAttribute("roles", grantable);
		model.addAttribute("username", username);
		model.addAttribute("displayName", displayName);
		model.addAttribute("role", role);
		model.addAttribute("library", library);
		return "admin/account-form";
	}

	private static void error(Model model, ProblemException ex) {
		model.addAttribute("error", ((ex.field() != null) ? ex.field() + ": " : "") + ex.getMessage());
		model.addAttribute("errorField", ex.field());
	}

	private static StaffRole role(String role) {
		try {
			return StaffRole.valueOf(role);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("role", "unknown role " + role);
		}
	}

	private static LibraryCode libraryCode(String code) {
		try {
			return LibraryCode.of(code.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
	}

	private static Instant day(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInput(field, field + " must be a date yyyy-MM-dd");
		}
	}

}
