package org.ndlp.identity.internal.readers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ndlp.identity.DisabilityCertificateNumber;
import org.ndlp.identity.DisabilityStatus;
import org.ndlp.identity.DisabilityVerifier.Verdict;
import org.ndlp.identity.ResidentIdNumber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP verifier against a stand-in disabled-persons database on loopback: the JSON of
 * ADR 0022 goes out, the verdict comes back, and every failure leaves the reader pending.
 */
class HttpDisabilityVerifierTests {

	private static final String FIRST17 = "44010619900307123";

	private static final DisabilityCertificateNumber CERTIFICATE = DisabilityCertificateNumber
		.parse(FIRST17 + ResidentIdNumber.checkCharacter(FIRST17) + "42", LocalDate.of(2026, 1, 1));

	private final AtomicReference<String> requestBody = new AtomicReference<>();

	private final AtomicReference<String> authorization = new AtomicReference<>();

	private final AtomicReference<String> answer = new AtomicReference<>();

	private final AtomicReference<Integer> status = new AtomicReference<>(200);

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/verify", (exchange) -> {
			this.requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			byte[] body = this.answer.get().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status.get(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	private HttpDisabilityVerifier verifier(String token) {
		URI url = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/verify");
		return new HttpDisabilityVerifier(new DisabilityProperties(url, token, Duration.ofSeconds(2)));
	}

	@Test
	void sendsTheCertificateAndTakesAConfirmation() {
		this.answer.set("{\"result\":\"VERIFIED\",\"message\":\"持证有效\"}");
		Verdict verdict = verifier("secret-token").verify(CERTIFICATE, "张三");
		assertThat(verdict.status()).isEqualTo(DisabilityStatus.VERIFIED);
		assertThat(verdict.note()).isEqualTo("持证有效");
		assertThat(this.requestBody.get()).contains("\"certificateNumber\":\"" + CERTIFICATE.value() + "\"")
			.contains("\"idNumber\":\"" + CERTIFICATE.idNumber().value() + "\"")
			.contains("\"category\":4")
			.contains("\"level\":2")
			.contains("\"name\":\"张三\"");
		assertThat(this.authorization.get()).isEqualTo("Bearer secret-token");
	}

	@Test
	void takesARefusal() {
		this.answer.set("{\"result\":\"REJECTED\",\"message\":\"证号不存在\"}");
		Verdict verdict = verifier("").verify(CERTIFICATE, null);
		assertThat(verdict.status()).isEqualTo(DisabilityStatus.REJECTED);
		assertThat(this.authorization.get()).isNull();
	}

	@Test
	void anythingElseLeavesThePersonPendingNeverVerified() {
		this.answer.set("{\"result\":\"MAYBE\"}");
		assertThat(verifier("").verify(CERTIFICATE, null).status()).isEqualTo(DisabilityStatus.PENDING);
		this.answer.set("not json");
		assertThat(verifier("").verify(CERTIFICATE, null).status()).isEqualTo(DisabilityStatus.PENDING);
		this.answer.set("{\"result\":\"VERIFIED\"}");
		this.status.set(503);
		assertThat(verifier("").verify(CERTIFICATE, null).status()).isEqualTo(DisabilityStatus.PENDING);
		HttpDisabilityVerifier unreachable = verifier("");
		this.server.stop(0);
		this.server = null;
		assertThat(unreachable.verify(CERTIFICATE, null).status()).isEqualTo(DisabilityStatus.PENDING);
	}

}
