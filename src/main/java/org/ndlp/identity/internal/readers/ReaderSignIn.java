package org.ndlp.identity.internal.readers;

import java.util.Optional;

import org.ndlp.identity.internal.SignInSource;

import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Readers sign in with their e-mail address or mobile number, after staff usernames
 * (which never contain {@code @}; an 11-digit staff username would shadow a reader's
 * number, so staff usernames should not be mobile numbers).
 */
@Component
@Order(2)
class ReaderSignIn implements SignInSource {

	private final JdbcReaderAccounts readers;

	ReaderSignIn(JdbcReaderAccounts readers) {
		this.readers = readers;
	}

	@Override
	public Optional<UserDetails> find(String login) {
		return ReaderLogins.parse(login)
			.flatMap((parsed) -> this.readers.findByLogin(parsed.value()))
			.map((account) -> new ReaderPrincipal(account, this.readers.passwordHash(account.id()).orElseThrow(),
					this.readers.enabled(account.id())));
	}

}
