/**
 * Staff accounts, roles scoped to a library, province or the nation, sign-in (form login
 * for the console, HTTP Basic for scripts on {@code /api/**}) and the security rules of
 * every endpoint. The unified-authentication issue extends this into the OIDC provider.
 */
@ApplicationModule(displayName = "Identity")
package org.ndlp.identity;

import org.springframework.modulith.ApplicationModule;
