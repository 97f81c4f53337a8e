package org.ndlp.identity.internal.oidc;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token signing keys in the table {@code oidc_signing_key}, shared by every node: the
 * newest unretired key signs; a rotation retires the others, which stay published (JWKS)
 * until the tokens they signed have expired. A key older than
 * {@code ndlp.identity.oidc.key-rotation} is rotated when the next token is signed.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	/** Published keys are read again after this long (another node may have rotated). */
	private static final long CACHE_MILLIS = 5_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final OidcProperties properties;

	private final Clock clock;

	private volatile Published published = new Published(List.of(), 0);

	SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, OidcProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** A key as the API shows it (never the private part). */
	public record KeyInfo(String kid, Instant createdAt, Instant retiredAt, boolean signing) {
	}

	/** The key that signs now; made, or rotated when due, first. */
	public RSAKey current() {
		Optional<Stored> newest = newest();
		if (newest.isEmpty()
				|| newest.get().createdAt().plus(this.properties.keyRotation()).isBefore(this.clock.instant())) {
			return rotate(newest.map(Stored::kid).orElse(null));
		}
		return parse(newest.get().privateJwk());
	}

	/** Makes a new signing key now and retires the others. */
	public RSAKey rotate() {
		return rotate(null);
	}

	/**
	 * Rotates unless another node did since {@code expectedNewest} was read (then its key
	 * is used).
	 */
	private RSAKey rotate(String expectedNewest) {
		RSAKey key = this.transactions.execute((status) -> {
			Optional<Stored> newest = newest();
			if (expectedNewest != null && newest.isPresent() && !newest.get().kid().equals(expectedNewest)) {
				return parse(newest.get().privateJwk());
			}
			RSAKey made = generate();
			Instant now = this.clock.instant();
			this.jdbc.sql("update oidc_signing_key set retired_at = ? where retired_at is null")
				.param(now.atOffset(ZoneOffset.UTC))
				.update();
			this.jdbc.sql("insert into oidc_signing_key (kid, public_jwk, private_jwk, created_at) values (?, ?, ?, ?)")
				.params(made.getKeyID(), made.toPublicJWK().toJSONString(), made.toJSONString(),
						now.atOffset(ZoneOffset.UTC))
				.update();
			// keys retired long enough ago that no token they signed is still valid
			this.jdbc.sql("delete from oidc_signing_key where retired_at is not null and retired_at < ?")
				.param(now.minus(this.properties.retiredKeyRetention()).atOffset(ZoneOffset.UTC))
				.update();
			log.info("OIDC signing key {} made; older keys retired", made.getKeyID());
			return made;
		});
		this.published = new Published(List.of(), 0);
		return key;
	}

	/** The keys of the JWKS: the signing key and retired keys still within retention. */
	public List<KeyInfo> keys() {
		List<Stored> all = publishedRows();
		String signing = all.stream()
			.filter((stored) -> stored.retiredAt() == null)
			.map(Stored::kid)
			.findFirst()
			.orElse(null);
		return all.stream()
			.map((stored) -> new KeyInfo(stored.kid(), stored.createdAt(), stored.retiredAt(),
					stored.kid().equals(signing)))
			.toList();
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		JWKMatcher matcher = selector.getMatcher();
		boolean noKid = matcher.getKeyIDs() == null || matcher.getKeyIDs().isEmpty();
		boolean typed = matcher.getKeyTypes() != null && !matcher.getKeyTypes().isEmpty();
		if (noKid && typed) {
			// signing (the encoder asks by key type, without a kid; the JWKS endpoint
			// asks
			// for everything, verifiers by kid): the current key only, read from the
			// database
			// (another node may have rotated since the published set was cached, and with
			// one
			// candidate the encoder would not ask which key to use)
			return selector.select(new JWKSet(current()));
		}
		List<JWK> found = selector.select(publishedSet(false));
		if (found.isEmpty() && !noKid) {
			// an unknown kid: another node may just have rotated
			found = selector.select(publishedSet(true));
		}
		return found;
	}

	private JWKSet publishedSet(boolean reload) {
		Published cached = this.published;
		long now = System.currentTimeMillis();
		if (reload || cached.keys().isEmpty() || now - cached.loadedAt() > CACHE_MILLIS) {
			if (cached.keys().isEmpty() && newest().isEmpty()) {
				current();
			}
			List<JWK> keys = publishedRows().stream().map((stored) -> (JWK) parse(stored.privateJwk())).toList();
			cached = new Published(keys, now);
			this.published = cached;
		}
		return new JWKSet(cached.keys());
	}

	private List<Stored> publishedRows() {
		return this.jdbc
			.sql("select * from oidc_signing_key where retired_at is null or retired_at >= ? "
					+ "order by created_at desc, kid")
			.param(this.clock.instant().minus(this.properties.retiredKeyRetention()).atOffset(ZoneOffset.UTC))
			.query((rs, row) -> new Stored(rs.getString("kid"), rs.getString("private_jwk"),
					rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("retired_at"))))
			.list();
	}

	private Optional<Stored> newest() {
		return this.jdbc
			.sql("select * from oidc_signing_key where retired_at is null order by created_at desc, kid limit 1")
			.query((rs, row) -> new Stored(rs.getString("kid"), rs.getString("private_jwk"),
					rs.getTimestamp("created_at").toInstant(), null))
			.optional();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("could not make an RSA key", ex);
		}
	}

	private static RSAKey parse(String json) {
		try {
			return RSAKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("unreadable signing key in oidc_signing_key", ex);
		}
	}

	private record Stored(String kid, String privateJwk, Instant createdAt, Instant retiredAt) {
	}

	private record Published(List<JWK> keys, long loadedAt) {
	}

}
