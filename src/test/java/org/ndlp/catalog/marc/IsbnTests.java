package org.ndlp.catalog.marc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IsbnTests {

	@Test
	void readsAChineseIsbn10AndHoldsItAsIsbn13() {
		Isbn isbn = Isbn.parse("7-5037-1744-0").orElseThrow();
		assertThat(isbn.isbn13()).isEqualTo("9787503717444");
		assertThat(isbn.isbn10()).hasValue("7503717440");
	}

	@Test
	void treatsIsbn10AndIsbn13OfOneBookAsEqual() {
		assertThat(Isbn.parse("0-8044-2957-X")).isEqualTo(Isbn.parse("978-0-8044-2957-3")).isPresent();
		assertThat(Isbn.parse("978-0-8044-2957-3").orElseThrow().isbn10()).hasValue("080442957X");
	}

	@Test
	void readsPastPrefixesAndQualifiers() {
		assertThat(Isbn.parse("0471383147 (paper/cd-rom : alk. paper)")).map(Isbn::isbn13).hasValue("9780471383147");
		assertThat(Isbn.parse("ISBN 978-7-5037-1744-4")).map(Isbn::isbn13).hasValue("9787503717444");
	}

	@Test
	void rejectsWrongCheckDigitsAndNonIsbns() {
		assertThat(Isbn.parse("7-5037-1744-1")).isEmpty();
		assertThat(Isbn.parse("CNY68.00")).isEmpty();
		assertThat(Isbn.parse(null)).isEmpty();
		assertThat(Isbn.parse("979-10-90636-07-1").orElseThrow().isbn10()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new Isbn("9787503717441"));
	}

}
