package org.ndlp.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.identity.internal.oidc.BearerTokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. {@code /api/**} is stateless HTTP Basic (scripts; no session cookie,
 * so no CSRF exposure) and answers 401/403 as problem+json; the console is form login
 * with CSRF tokens on every form; public pages and health are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		// BCrypt, stored with its {bcrypt} id so that a later algorithm can take over
		// gradually
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, BearerTokens bearerTokens) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/libraries", "/api/v1/libraries/*", "/api/v1/libraries.csv",
						"/api/v1/libraries.xlsx", "/api/v1/source-records", "/api/v1/source-records/**",
						"/api/v1/records", "/api/v1/records/**")
				.permitAll()
				// identifiers: Handle-compatible reads and the prefix list are public
				.requestMatchers(HttpMethod.GET, "/api/handles/*/*", "/api/prefixes")
				.permitAll()
				// search: searching and suggestions are public
				.requestMatchers(HttpMethod.GET, "/api/v1/search", "/api/v1/search/suggest")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.realmName("NDLP")
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401, "unauthenticated",
						"Unauthorized", "sign in: send HTTP Basic credentials of a staff account")))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401, "unauthenticated",
						"Unauthorized", "sign in: send HTTP Basic credentials of a staff account"))
				.accessDeniedHandler((request, response, ex) -> problem(response, 403, "forbidden", "Forbidden",
						"your role does not allow this request")))
			// oidc: bearer tokens (JWT) of NDLP's OIDC provider, beside Basic
			.oauth2ResourceServer((resourceServer) -> bearerTokens.configure(resourceServer,
					(request, response, ex) -> problem(response, 401, "unauthenticated", "Unauthorized",
							"sign in: send HTTP Basic credentials of a staff account or a valid NDLP bearer token")))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**")
			.permitAll()
			// search: the reader portal's record pages
			.requestMatchers("/records/**")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			// identifiers: resolution, landing, info and tombstone pages are public
			.requestMatchers(HttpMethod.GET, "/id/*/*")
			.permitAll()
			// OAI-PMH provider: public, GET and POST (harvesters send no CSRF token)
			.requestMatchers("/oai")
			.permitAll()
			// oidc: the consent page of the OIDC provider (signed-in people)
			.requestMatchers("/oauth2/consent")
			.authenticated()
			.requestMatchers("/admin", "/admin/**")
			.authenticated()
			.anyRequest()
			.denyAll())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/admin", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			// OAI-PMH harvesters POST forms without a session or token
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/oai"));
		return http.build();
	}

	private static void problem(HttpServletResponse response, int status, String slug, String title, String detail)
			throws IOException {
		response.setStatus(status);
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"NDLP\"");
		}
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"urn:ndlp:problem:" + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
					+ ",\"detail\":\"" + detail + "\"}");
	}

}
