package org.ndlp.identity.internal.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.security.StaffRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OIDC clients: registered by national admins, seen by the admins of the owning library.
 * The OAuth side lives in Spring's {@code oauth2_registered_client}, NDLP's side (owner,
 * kind, third party, role ceiling) in {@code oidc_client}. Secrets are generated, shown
 * once and stored hashed.
 */
@Service
public class OidcClients {

	/** Scopes a client may be given. */
	public static final Set<String> SCOPES = Set.of("openid", "profile", "email", "phone", "ndlp");

	private static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token", "client_credentials");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final RegisteredClientRepository registered;

	private final MemberLibraries libraries;

	private final PasswordEncoder passwords;

	private final OidcProperties properties;

	private final Clock clock;

	OidcClients(JdbcClient jdbc, RegisteredClientRepository registered, MemberLibraries libraries,
			PasswordEncoder passwords, OidcProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.registered = registered;
		this.libraries = libraries;
		this.passwords = passwords;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A newly registered client with its secret, which is not kept in clear anywhere.
	 *
	 * @param client the client
	 * @param clientSecret the secret (null for a public client)
	 */
	public record Registration(OidcClient client, String clientSecret) {
	}

	/** National admins see every client; other admins their own library's. */
	public List<OidcClient> list(CurrentUser user) {
		checkMaySee(user);
		List<String> ids = user.isNationalAdmin()
				? this.jdbc.sql("select client_id from oidc_client order by library_code, name")
					.query(String.class)
					.list()
				: this.jdbc.sql("select client_id from oidc_client where library_code = ? order by name")
					.param(user.library().value())
					.query(String.class)
					.list();
		return ids.stream().map(this::find).flatMap(Optional::stream).toList();
	}

	public OidcClient get(String clientId, CurrentUser user) {
		checkMaySee(user);
		OidcClient client = find(clientId).orElseThrow(() -> new NotFound("no OIDC client " + clientId));
		if (!user.isNationalAdmin() && !client.library().equals(user.library())) {
			throw new NotFound("no OIDC client " + clientId);
		}
		return client;
	}

	/** The client, whoever asks (the provider's own use). */
	public Optional<OidcClient> find(String clientId) {
		RegisteredClient client = this.registered.findByClientId(clientId);
		if (client == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select * from oidc_client where client_id = ?")
			.param(clientId)
			.query((rs, row) -> new OidcClient(clientId, rs.getString("name"),
					LibraryCode.of(rs.getString("library_code")), ClientKind.valueOf(rs.getString("kind")),
					List.copyOf(client.getRedirectUris()), List.copyOf(client.getPostLogoutRedirectUris()),
					grantNames(client), Set.copyOf(client.getScopes()), rs.getBoolean("third_party"),
					StaffRole.valueOf(rs.getString("role_ceiling")), client.getClientSecret() != null,
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.optional();
	}

	@Transactional
	public Registration register(ClientDraft draft, CurrentUser user) {
		checkNational(user);
		Valid valid = validate(draft);
		String clientId = "ndlp-" + UUID.randomUUID().toString().substring(0, 13).replace("-", "");
		String secret = (valid.kind() == ClientKind.MOBILE_APP) ? null : newSecret();
		Instant now = this.clock.instant();
		this.registered
			.save(build(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientIdIssuedAt(now),
					valid, (secret != null) ? this.passwords.encode(secret) : null));
		this.jdbc
			.sql("insert into oidc_client (client_id, name, library_code, kind, third_party, role_ceiling, "
					+ "created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(clientId, valid.name(), valid.library().value(), valid.kind().name(), valid.thirdParty(),
					valid.ceiling().name(), now.atOffset(ZoneOffset.UTC), user.username())
			.update();
		return new Registration(find(clientId).orElseThrow(), secret);
	}

	/** Changes everything but the id, the kind's secret and the creation. */
	@Transactional
	public OidcClient update(String clientId, ClientDraft draft, CurrentUser user) {
		checkNational(user);
		RegisteredClient existing = this.registered.findByClientId(clientId);
		OidcClient before = find(clientId).orElseThrow(() -> new NotFound("no OIDC client " + clientId));
		Valid valid = validate(draft);
		if (valid.kind() != before.kind() && (valid.kind() == ClientKind.MOBILE_APP) != !before.confidential()) {
			throw new InvalidInput("kind", "a client cannot change between public (mobile app) and confidential");
		}
		this.registered.save(build(RegisteredClient.from(existing), valid, existing.getClientSecret()));
		this.jdbc
			.sql("update oidc_client set name = ?, library_code = ?, kind = ?, third_party = ?, role_ceiling = ? "
					+ "where client_id = ?")
			.params(valid.name(), valid.library().value(), valid.kind().name(), valid.thirdParty(),
					valid.ceiling().name(), clientId)
			.update();
		return find(clientId).orElseThrow();
	}

	/**
	 * Removes the client, its authorizations (so its tokens stop working) and consents.
	 */
	@Transactional
	public void delete(String clientId, CurrentUser user) {
		checkNational(user);
		RegisteredClient existing = this.registered.findByClientId(clientId);
		if (existing == null) {
			throw new NotFound("no OIDC client " + clientId);
		}
		this.jdbc.sql("delete from oauth2_authorization where registered_client_id = ?")
			.param(existing.getId())
			.update();
		this.jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = ?")
			.param(existing.getId())
			.update();
		this.jdbc.sql("delete from oidc_client where client_id = ?").param(clientId).update();
		this.jdbc.sql("delete from oauth2_registered_client where id = ?").param(existing.getId()).update();
	}

	private RegisteredClient build(RegisteredClient.Builder builder, Valid valid, String secretHash) {
		builder.clientName(valid.name()).clientSecret(secretHash).clientAuthenticationMethods((methods) -> {
			methods.clear();
			if (secretHash != null) {
				methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
				methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
			}
			else {
				methods.add(ClientAuthenticationMethod.NONE);
			}
		}).authorizationGrantTypes((grants) -> {
			grants.clear();
			valid.grantTypes().forEach((grant) -> grants.add(new AuthorizationGrantType(grant)));
		}).redirectUris((uris) -> {
			uris.clear();
			uris.addAll(valid.redirectUris());
		}).postLogoutRedirectUris((uris) -> {
			uris.clear();
			uris.addAll(valid.postLogoutRedirectUris());
		}).scopes((scopes) -> {
			scopes.clear();
			scopes.addAll(valid.scopes());
		})
			.clientSettings(ClientSettings.builder()
				.requireProofKey(valid.grantTypes().contains("authorization_code"))
				.requireAuthorizationConsent(valid.thirdParty())
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(this.properties.accessTokenTtl())
				.refreshTokenTimeToLive(this.properties.refreshTokenTtl())
				.reuseRefreshTokens(false)
				.build());
		return builder.build();
	}

	private Valid validate(ClientDraft draft) {
		if (draft == null || draft.name() == null || draft.name().isBlank()) {
			throw new InvalidInput("name", "name is required");
		}
		if (draft.library() == null || draft.library().isBlank()) {
			throw new InvalidInput("library", "library is required");
		}
		MemberLibrary library = this.libraries.find(LibraryCode.of(draft.library()))
			.orElseThrow(() -> new InvalidInput("library", "no member library " + draft.library()));
		ClientKind kind;
		try {
			kind = ClientKind.valueOf(String.valueOf(draft.kind()).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("kind", "kind must be ILS, MOBILE_APP or VENDOR");
		}
		Set<String> grants = new LinkedHashSet<>((draft.grantTypes() != null) ? draft.grantTypes() : List.of());
		if (grants.isEmpty() || !GRANTS.containsAll(grants)) {
			throw new InvalidInput("grantTypes", "grantTypes must be some of " + GRANTS);
		}
		if (kind == ClientKind.MOBILE_APP && grants.contains("client_credentials")) {
			throw new InvalidInput("grantTypes", "a mobile app has no secret, so no client_credentials");
		}
		if (grants.contains("refresh_token") && !grants.contains("authorization_code")) {
			throw new InvalidInput("grantTypes", "refresh_token goes with authorization_code");
		}
		Set<String> scopes = new LinkedHashSet<>((draft.scopes() != null) ? draft.scopes() : List.of());
		if (scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
			throw new InvalidInput("scopes", "scopes must be some of openid, profile, email, phone, ndlp");
		}
		List<String> redirects = uris("redirectUris", draft.redirectUris());
		if (grants.contains("authorization_code") && redirects.isEmpty()) {
			throw new InvalidInput("redirectUris", "authorization_code needs at least one redirect URI");
		}
		StaffRole ceiling;
		try {
			ceiling = (draft.roleCeiling() == null) ? StaffRole.CATALOGER
					: StaffRole.valueOf(draft.roleCeiling().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("roleCeiling", "roleCeiling must be LIBRARY_ADMIN or CATALOGER");
		}
		if (ceiling != StaffRole.LIBRARY_ADMIN && ceiling != StaffRole.CATALOGER) {
			throw new InvalidInput("roleCeiling", "a client acts at most as LIBRARY_ADMIN of its library");
		}
		boolean thirdParty = (draft.thirdParty() != null) ? draft.thirdParty() : kind == ClientKind.VENDOR;
		return new Valid(draft.name().strip(), library.code(), kind, redirects,
				uris("postLogoutRedirectUris", draft.postLogoutRedirectUris()), grants, scopes, thirdParty, ceiling);
	}

	private static List<String> uris(String field, List<String> given) {
		List<String> uris = new ArrayList<>();
		for (String uri : (given != null) ? given : List.<String>of()) {
			try {
				URI parsed = new URI(uri);
				if (!parsed.isAbsolute() || parsed.getFragment() != null) {
					throw new InvalidInput(field, "not an absolute URI without fragment: " + uri);
				}
			}
			catch (URISyntaxException | NullPointerException ex) {
				throw new InvalidInput(field, "not a URI: " + uri);
			}
			uris.add(uri);
		}
		return uris;
	}

	private static Set<String> grantNames(RegisteredClient client) {
		Set<String> names = new LinkedHashSet<>();
		client.getAuthorizationGrantTypes().forEach((grant) -> names.add(grant.getValue()));
		return names;
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void checkNational(CurrentUser user) {
		if (!user.isNationalAdmin()) {
			throw new OutOfScope("only national administrators register and change OIDC clients");
		}
	}

	private static void checkMaySee(CurrentUser user) {
		if (user.role() == StaffRole.CATALOGER) {
			throw new OutOfScope("OIDC clients are shown to administrators");
		}
	}

	private record Valid(String name, LibraryCode library, ClientKind kind, List<String> redirectUris,
			List<String> postLogoutRedirectUris, Set<String> grantTypes, Set<String> scopes, boolean thirdParty,
			StaffRole ceiling) {
	}

}
