package org.ndlp.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.identity.internal.accounts.SecondFactor;
import org.ndlp.identity.internal.accounts.SignInThrottle;
import org.ndlp.identity.internal.oidc.BearerTokens;
import org.ndlp.shared.security.StaffRole;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. {@code /api/**} is stateless HTTP Basic (scripts; no session cookie,
 * so no CSRF exposure) and answers 401/403 as problem+json; the console is form login
 * with CSRF tokens on every form; public pages and health are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The authorities of the four staff roles. */
	private static final String[] STAFF = Arrays.stream(StaffRole.values())
		.map(StaffRole::authority)
		.toArray(String[]::new);

	private static final String READER = org.ndlp.shared.security.Readers.AUTHORITY;

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
				// accounts: staff administration and the audit log are for admins (scope
				// in code)
				.requestMatchers("/api/v1/staff", "/api/v1/staff/**", "/api/v1/audit")
				.hasAnyRole("NATIONAL_ADMIN", "PROVINCIAL_ADMIN", "LIBRARY_ADMIN")
				// readers: sign-up and verification are public; a reader reaches only its
				// own
				// endpoints
				.requestMatchers(HttpMethod.POST, "/api/v1/readers", "/api/v1/readers/verify", "/api/v1/readers/resend")
				.permitAll()
				.requestMatchers("/api/v1/me", "/api/v1/me/**")
				.hasAuthority(READER)
				// everything else on the API is for staff (readers get 403)
				.anyRequest()
				.hasAnyAuthority(STAFF))
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
		// accounts: a client address that failed too often gets 429 before Basic looks at
		// a password
		http.addFilterBefore(http.getSharedObject(ApplicationContext.class).getBean(SignInThrottle.class).api(),
				BasicAuthenticationFilter.class);
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
			// accounts: the TOTP step of the console sign-in (the password step is done)
			.requestMatchers("/login/totp", "/login/totp/enrol")
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
			// SRU server: public, GET and POST (SRU clients send no CSRF token)
			.requestMatchers("/sru")
			.permitAll()
			// readers: sign-up pages are public, the rest of /reader/** is the reader's
			// own
			.requestMatchers("/reader/register", "/reader/verify", "/reader/resend")
			.permitAll()
			.requestMatchers("/reader/**")
			.hasAuthority(READER)
			// the outbox shows every verification code sent: national admins only
			.requestMatchers("/admin/outbox")
			.hasAuthority(StaffRole.NATIONAL_ADMIN.authority())
			// the console is for staff (readers get 403)
			.requestMatchers("/admin", "/admin/**")
			.hasAnyAuthority(STAFF)
			.anyRequest()
			.denyAll())
			// success: SecondFactor below (TOTP step for staff, then SignInLanding)
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			// OAI-PMH harvesters POST forms without a session or token
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/oai", "/sru"));
		// accounts: staff who need a TOTP code are signed in only after giving it; a
		// client
		// address that failed too often is sent back to the sign-in page
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		http.formLogin((form) -> form.successHandler(context.getBean(SecondFactor.class)));
		http.addFilterBefore(context.getBean(SignInThrottle.class).forms(), UsernamePasswordAuthenticationFilter.class);
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
