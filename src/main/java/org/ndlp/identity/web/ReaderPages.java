package org.ndlp.identity.web;

import java.util.Comparator;
import java.util.List;

import org.ndlp.identity.ReaderAccounts;
import org.ndlp.identity.ReaderRegistration;
import org.ndlp.identity.internal.readers.ReaderPrincipal;
import org.ndlp.members.LibraryQuery;
import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.problem.ProblemException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reader's pages: sign-up (注册), verification of the code, and the personal centre
 * (个人中心: profile, cards, real name, disabled-reader status). Forms carry CSRF tokens; a
 * rule broken shows on the page, naming the field.
 */
@Controller
class ReaderPages {

	private final ReaderAccounts readers;

	private final MemberLibraries libraries;

	ReaderPages(ReaderAccounts readers, MemberLibraries libraries) {
		this.readers = readers;
		this.libraries = libraries;
	}

	private List<MemberLibrary> libraryChoices() {
		return this.libraries.search(LibraryQuery.ALL)
			.stream()
			.sorted(Comparator.comparing((MemberLibrary library) -> library.code().value()))
			.toList();
	}

	@GetMapping("/reader/register")
	String registerForm(Model model) {
		model.addAttribute("libraries", libraryChoices());
		return "reader/register";
	}

	@PostMapping("/reader/register")
	String register(@RequestParam String login, @RequestParam String password, @RequestParam String displayName,
			@RequestParam String homeLibrary, Model model, RedirectAttributes redirect) {
		boolean email = login.contains("@");
		try {
			this.readers.register(new ReaderRegistration(email ? login : null, email ? null : login, password,
					displayName, homeLibrary));
		}
		catch (ProblemException ex) {
			model.addAttribute("libraries", libraryChoices());
			model.addAttribute("login", login);
			model.addAttribute("displayName", displayName);
			model.addAttribute("homeLibrary", homeLibrary);
			model.addAttribute("errorField",
					("email".equals(ex.field()) || "phone".equals(ex.field())) ? "login" : ex.field());
			model.addAttribute("error", ex.getMessage());
			return "reader/register";
		}
		redirect.addAttribute("login", login.strip());
		redirect.addFlashAttribute("sent", true);
		return "redirect:/reader/verify";
	}

	@GetMapping("/reader/verify")
	String verifyForm(@RequestParam(required = false) String login, Model model) {
		model.addAttribute("login", login);
		return "reader/verify";
	}

	@PostMapping("/reader/verify")
	String verify(@RequestParam String login, @RequestParam String code, Model model) {
		try {
			this.readers.verify(login, code);
		}
		catch (ProblemException ex) {
			model.addAttribute("login", login);
			model.addAttribute("errorField", ex.field());
			model.addAttribute("error", ex.getMessage());
			return "reader/verify";
		}
		return "redirect:/login?verified";
	}

	@PostMapping("/reader/resend")
	String resend(@RequestParam String login, RedirectAttributes redirect) {
		try {
			this.readers.resend(login);
			redirect.addFlashAttribute("sent", true);
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		redirect.addAttribute("login", login.strip());
		return "redirect:/reader/verify";
	}

	@GetMapping("/reader/profile")
	String profile(@AuthenticationPrincipal ReaderPrincipal reader, Model model) {
		model.addAttribute("reader", this.readers.get(reader.readerId()));
		model.addAttribute("libraries", libraryChoices());
		return "reader/profile";
	}

	@PostMapping("/reader/profile")
	String updateProfile(@AuthenticationPrincipal ReaderPrincipal reader, @RequestParam String displayName,
			@RequestParam String homeLibrary, RedirectAttributes redirect) {
		return act(redirect, "profile",
				() -> this.readers.updateProfile(reader.readerId(), displayName, homeLibrary, null, null));
	}

	@PostMapping("/reader/cards")
	String bindCard(@AuthenticationPrincipal ReaderPrincipal reader, @RequestParam String library,
			@RequestParam String number, RedirectAttributes redirect) {
		return act(redirect, "cards", () -> this.readers.bindCard(reader.readerId(), library, number));
	}

	@PostMapping("/reader/cards/delete")
	String unbindCard(@AuthenticationPrincipal ReaderPrincipal reader, @RequestParam String library,
			@RequestParam String number, RedirectAttributes redirect) {
		return act(redirect, "cards", () -> this.readers.unbindCard(reader.readerId(), library, number));
	}

	@PostMapping("/reader/real-name")
	String realName(@AuthenticationPrincipal ReaderPrincipal reader, @RequestParam String name,
			@RequestParam String idNumber, RedirectAttributes redirect) {
		return act(redirect, "realName", () -> this.readers.setRealName(reader.readerId(), name, idNumber));
	}

	@PostMapping("/reader/disability")
	String disability(@AuthenticationPrincipal ReaderPrincipal reader, @RequestParam String certificateNumber,
			RedirectAttributes redirect) {
		return act(redirect, "disability",
				() -> this.readers.requestDisabilityStatus(reader.readerId(), certificateNumber));
	}

	private static String act(RedirectAttributes redirect, String section, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("saved", section);
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("errorSection", section);
			redirect.addFlashAttribute("errorField", ex.field());
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/reader/profile#" + section;
	}

}
