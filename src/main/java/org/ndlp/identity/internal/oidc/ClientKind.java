package org.ndlp.identity.internal.oidc;

/** What kind of system a client is; a mobile app is a public client (PKCE, no secret). */
public enum ClientKind {

	/** A member library's integrated library system (its own system: no consent). */
	ILS,

	/** A member library's mobile app: public client, no secret. */
	MOBILE_APP,

	/** A database vendor or other outside service. */
	VENDOR

}
