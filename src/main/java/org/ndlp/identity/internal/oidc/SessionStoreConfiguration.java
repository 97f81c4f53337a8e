package org.ndlp.identity.internal.oidc;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.MapSessionRepository;

/**
 * Where browser sessions live: {@code ndlp.identity.sessions=jdbc} keeps them in the
 * database (Spring Session JDBC, table {@code spring_session}; required when more than
 * one node runs), {@code container} (the default, one node) leaves them to the servlet
 * container. For {@code container} this declares an unused session repository, which only
 * makes Boot's Spring Session JDBC auto-configuration stand back (ADR 0017).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ndlp.identity.sessions", havingValue = "container", matchIfMissing = true)
class SessionStoreConfiguration {

	@Bean
	MapSessionRepository containerSessionsMarker() {
		return new MapSessionRepository(new ConcurrentHashMap<>());
	}

}
