package org.ndlp.identity.internal.readers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.ndlp.identity.DisabilityStatus;
import org.ndlp.identity.MessageOutbox;
import org.ndlp.identity.OutgoingMessage;
import org.ndlp.identity.ReaderAccount;
import org.ndlp.identity.ReaderStatus;
import org.ndlp.shared.LibraryCode;
import org.ndlp.support.Databases;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The reader tables (V11_1) on both databases NDLP runs on. */
class ReaderStoreIT {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final LibraryCode GUANGDONG = LibraryCode.of("CN-440000-PL");

	private static final LibraryCode ZHEJIANG = LibraryCode.of("CN-330000-PL");

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", (Supplier<DataSource>) Databases::h2),
				Arguments.of("PostgreSQL", (Supplier<DataSource>) Databases::postgres));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void storesReadersCodesCardsAndProtectedNumbers(String name, Supplier<DataSource> db) {
		JdbcClient jdbc = JdbcClient.create(db.get());
		JdbcReaderAccounts readers = new JdbcReaderAccounts(jdbc);
		long byEmail = readers.insert("li@example.cn", null, "{bcrypt}x", "李", GUANGDONG, NOW);
		long byPhone = readers.insert(null, "13800138000", "{bcrypt}y", "王", ZHEJIANG, NOW);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> readers.insert("li@example.cn", null, "{bcrypt}z", "重复", GUANGDONG, NOW));

		ReaderAccount li = readers.findByLogin("li@example.cn").orElseThrow();
		assertThat(li.id()).isEqualTo(byEmail);
		assertThat(li.status()).isEqualTo(ReaderStatus.PENDING);
		assertThat(li.disabilityStatus()).isEqualTo(DisabilityStatus.NONE);
		assertThat(li.disabilityCategory()).isNull();
		assertThat(li.createdAt()).isEqualTo(NOW);
		assertThat(readers.findByLogin("13800138000").orElseThrow().id()).isEqualTo(byPhone);

		readers.putCode(byEmail, "li@example.cn", "hash", NOW.plusSeconds(600), NOW);
		readers.countWrongAttempt(byEmail);
		JdbcReaderAccounts.Code code = readers.code(byEmail).orElseThrow();
		assertThat(code.attempts()).isEqualTo(1);
		assertThat(code.expiresAt()).isEqualTo(NOW.plusSeconds(600));
		readers.activate(byEmail, NOW);
		assertThat(readers.code(byEmail)).isEmpty();
		assertThat(readers.find(byEmail).orElseThrow().status()).isEqualTo(ReaderStatus.ACTIVE);

		readers.bindCard(byEmail, GUANGDONG, "0001", NOW);
		readers.bindCard(byPhone, ZHEJIANG, "0001", NOW);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> readers.bindCard(byPhone, GUANGDONG, "0001", NOW));
		assertThat(readers.cardHolder(GUANGDONG, "0001")).contains(byEmail);
		assertThat(readers.find(byEmail).orElseThrow().cards()).hasSize(1);

		ReaderHashes hashes = new ReaderHashes(
				new ReaderProperties(Duration.ofMinutes(10), 5, Duration.ofSeconds(60), ""), jdbc,
				Clock.fixed(NOW, ZoneOffset.UTC));
		String hash = hashes.hash("id-number", "11010519491231002X");
		assertThat(hash).hasSize(64).isEqualTo(hashes.hash("id-number", "11010519491231002X"));
		assertThat(hashes.hash("disability", "11010519491231002X")).isNotEqualTo(hash);
		readers.setRealName(byEmail, "李", hash, "110***********002X", NOW);
		assertThat(readers.idNumberTaken(hash, byPhone)).isTrue();
		assertThat(readers.idNumberTaken(hash, byEmail)).isFalse();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> readers.setRealName(byPhone, "王", hash, "110***********002X", NOW));
		readers.setDisability(byEmail, "h", "110***********002X42", 4, 2, DisabilityStatus.PENDING, "no verifier", NOW);
		ReaderAccount after = readers.find(byEmail).orElseThrow();
		assertThat(after.disabilityCategory()).isEqualTo(4);
		assertThat(after.disabilityLevel()).isEqualTo(2);
		assertThat(after.idNumberMasked()).isEqualTo("110***********002X");

		assertThat(readers.list(null, "44", 10)).extracting(ReaderAccount::id).containsExactly(byEmail);
		assertThat(readers.list(ZHEJIANG, null, 10)).extracting(ReaderAccount::id).containsExactly(byPhone);
		assertThat(readers.list(null, null, 10)).extracting(ReaderAccount::id).containsExactly(byPhone, byEmail);

		new OutboxMessageSender(jdbc, Clock.fixed(NOW, ZoneOffset.UTC))
			.send(new OutgoingMessage(OutgoingMessage.Channel.SMS, "13800138000", "code", "您的验证码是 123456"));
		MessageOutbox outbox = new MessageOutbox(jdbc);
		assertThat(outbox.latestTo("13800138000").orElseThrow().message().body()).contains("123456");
		assertThat(outbox.recent(5)).hasSize(1);
	}

}
