package org.ndlp.identity.internal;

import java.util.Map;

/**
 * What the principal of any signed-in person tells the OIDC provider: a stable subject
 * and the claims it may release (the provider filters them by the scopes granted).
 */
public interface SignedInPerson {

	/** Stable, never reused: {@code staff:<username>} or {@code reader:<id>}. */
	String subject();

	/** {@code staff} or {@code reader}. */
	String kind();

	/**
	 * Claims by name, e.g. {@code name}, {@code email}, {@code phone_number},
	 * {@code ndlp_library}, {@code ndlp_role}; absent values are left out.
	 */
	Map<String, Object> claims();

}
