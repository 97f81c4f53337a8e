package org.ndlp.identity.internal.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.identity.AuditLog;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-in attempts from a client address that failed too often (see
 * {@link SignInLocks}), before any password is looked at: on {@code /api/**} a request
 * with HTTP Basic credentials gets 429 problem+json, on the console a form sign-in goes
 * back to {@code /login?throttled}. Not a filter bean itself (Boot would put it in front
 * of every request); the security chains add the filters it makes.
 */
@Component
public class SignInThrottle {

	private final SignInLocks locks;

	private final AuditLog audit;

	private final LockoutProperties properties;

	public SignInThrottle(SignInLocks locks, AuditLog audit, LockoutProperties properties) {
		this.locks = locks;
		this.audit = audit;
		this.properties = properties;
	}

	/** For the stateless {@code /api/**} chain, before Basic authentication. */
	public Filter api() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String authorization = request.getHeader("Authorization");
				if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && refused(request)) {
					response.setStatus(429);
					response.setHeader("Retry-After",
							String.valueOf(SignInThrottle.this.properties.window().toSeconds()));
					response.setContentType("application/problem+json");
					response.setCharacterEncoding(StandardCharsets.UTF_8.name());
					response.getWriter()
						.write("{\"type\":\"urn:ndlp:problem:too-many-sign-in-failures\",\"title\":\"Too Many Requests\","
								+ "\"status\":429,\"detail\":\"too many failed sign-ins from your address; try again later\"}");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	/** For the console chain, before form login (and the TOTP step). */
	public Filter forms() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				if ("POST".equals(request.getMethod()) && (path.equals("/login") || path.startsWith("/login/totp"))
						&& refused(request)) {
					response.sendRedirect(request.getContextPath() + "/login?throttled");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	private boolean refused(HttpServletRequest request) {
		if (!this.locks.isThrottled(request.getRemoteAddr())) {
			return false;
		}
		this.audit.record(null, null, AuditLog.RATE_LIMITED, null, null,
				"sign-in refused: too many failures from " + request.getRemoteAddr());
		return true;
	}

}
