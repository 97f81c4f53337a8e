package org.ndlp.identifiers.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ndlp.identifiers.Cdoi;
import org.ndlp.identifiers.Identifiers;
import org.ndlp.identifiers.MalformedIdentifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The common case of resolution — a plain {@code GET /id/{prefix}/{suffix}} of a live
 * identifier with one location and no media types, from a client that does not ask for
 * JSON — answered with its 302 before the security chain and MVC dispatch, from the
 * cache. The resolver is public, so nothing is skipped that it needs; everything else
 * (info, JSON, several locations, tombstones, errors) goes on to {@link Resolver}.
 */
@Configuration(proxyBeanMethods = false)
class ResolverFastPath {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> resolverFastPathFilter(Identifiers identifiers,
			ObjectProvider<MeterRegistry> meters) {
		MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new FastPath(identifiers,
						Timer.builder("ndlp.resolver.redirects")
							.description("plain resolutions answered with a 302 by the resolver's fast path")
							.register(registry)));
		registration.addUrlPatterns("/id/*");
		// first: ahead of Spring Security's chain (order -100) and of the HTTP
		// observation
		// filter, whose timer per request cost a quarter of the fast path's CPU; the fast
		// path times itself with the timer above
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	static final class FastPath extends OncePerRequestFilter {

		private final Identifiers identifiers;

		private final Timer redirects;

		FastPath(Identifiers identifiers, Timer redirects) {
			this.identifiers = identifiers;
			this.redirects = redirects;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			long start = System.nanoTime();
			String href = redirect(request);
			if (href == null) {
				chain.doFilter(request, response);
				return;
			}
			response.setStatus(302);
			response.setHeader(HttpHeaders.LOCATION, href);
			response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
			this.redirects.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}

		private String redirect(HttpServletRequest request) {
			if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
					|| Resolver.wantsJson(request.getHeader(HttpHeaders.ACCEPT))) {
				return null;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			int slash = path.indexOf('/', 4);
			if (!path.startsWith("/id/") || slash < 0 || path.indexOf('/', slash + 1) >= 0 || path.indexOf('%') >= 0
					|| path.indexOf(';') >= 0) {
				return null;
			}
			Cdoi cdoi;
			try {
				cdoi = Cdoi.parse(path.substring(4, slash), path.substring(slash + 1));
			}
			catch (MalformedIdentifier ex) {
				return null;
			}
			return this.identifiers.redirect(cdoi).orElse(null);
		}

	}

}
