package org.ndlp.identity.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.ndlp.identity.AuditLog;
import org.ndlp.identity.AuditPage;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log of sign-ins and administrative actions, for admins within their scope;
 * cataloguers 403.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log")
class AuditApi {

	private final AuditLog audit;

	AuditApi(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Events in your scope, newest first; filters actor, action, from/to (ISO instants)")
	AuditPage list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.audit.search(CurrentUser.require(), actor, action, from, to, page, size);
	}

}
