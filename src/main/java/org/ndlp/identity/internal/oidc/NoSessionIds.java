package org.ndlp.identity.internal.oidc;

import java.util.List;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * The session registry the provider sees: it records nothing, so ID tokens carry no
 * {@code sid} and RP-initiated logout checks the token's subject and client but not the
 * session id. Spring's in-memory registry knows only the sessions of its own node: with
 * several nodes, a token made on one node and a logout on another would disagree about
 * {@code sid} (ADR 0017).
 */
class NoSessionIds implements SessionRegistry {

	@Override
	public List<Object> getAllPrincipals() {
		return List.of();
	}

	@Override
	public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
		return List.of();
	}

	@Override
	public SessionInformation getSessionInformation(String sessionId) {
		return null;
	}

	@Override
	public void refreshLastRequest(String sessionId) {
	}

	@Override
	public void registerNewSession(String sessionId, Object principal) {
	}

	@Override
	public void removeSessionInformation(String sessionId) {
	}

}
