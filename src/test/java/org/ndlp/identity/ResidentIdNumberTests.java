package org.ndlp.identity;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** GB 11643-1999 ID numbers and second-generation disability certificate numbers. */
class ResidentIdNumberTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	/** A valid number: the 17 digits with their computed check character. */
	static String valid(String first17) {
		return first17 + ResidentIdNumber.checkCharacter(first17);
	}

	@Test
	void checkCharacterFollowsIso7064Mod112() {
		// the standard's worked example and a number whose check character is X
		assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(ResidentIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
		assertThat(ResidentIdNumber.parse("11010519491231002x", TODAY).value()).isEqualTo("11010519491231002X");
	}

	@Test
	void acceptsComputedSamplesAndMasksThem() {
		for (String first17 : new String[] { "44010619900307123", "33010219851231456", "65010120000229789",
				"54010219000101000" }) {
			ResidentIdNumber id = ResidentIdNumber.parse(valid(first17), TODAY);
			assertThat(id.masked()).hasSize(18).startsWith(first17.substring(0, 3) + "***********");
			assertThat(id.masked()).endsWith(first17.substring(14) + id.value().charAt(17));
			assertThat(id.toString()).doesNotContain(first17.substring(6, 14));
		}
		assertThat(ResidentIdNumber.parse(valid("44010619900307123"), TODAY).birthDate())
			.isEqualTo(LocalDate.of(1990, 3, 7));
	}

	@Test
	void rejectsCorruptedNumbersWithTheReason() {
		String good = valid("44010619900307123");
		char wrong = (good.charAt(17) == '1') ? '2' : '1';
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResidentIdNumber.parse(good.substring(0, 17) + wrong, TODAY))
			.withMessageContaining("check character");
		// one digit changed (a typing error) breaks the check
		String typo = good.substring(0, 10) + ((good.charAt(10) == '9') ? '8' : '9') + good.substring(11);
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.parse(typo, TODAY));
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.parse(good.substring(0, 17), TODAY))
			.withMessageContaining("18 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.parse(valid("99010619900307123"), TODAY))
			.withMessageContaining("province");
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.parse(valid("44010619990230123"), TODAY))
			.withMessageContaining("not a date");
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.parse(valid("44010620300101123"), TODAY))
			.withMessageContaining("possible birth date");
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.parse("4401061990030712X3", TODAY))
			.withMessageContaining("17 digits");
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.parse(" ", TODAY));
	}

	@Test
	void certificateNumberIsTheIdNumberCategoryAndLevel() {
		String id = valid("44010619900307123");
		DisabilityCertificateNumber certificate = DisabilityCertificateNumber.parse(id + "42", TODAY);
		assertThat(certificate.category()).isEqualTo(4);
		assertThat(certificate.level()).isEqualTo(2);
		assertThat(certificate.masked()).isEqualTo(certificate.idNumber().masked() + "42");
		for (String suffix : new String[] { "11", "74", "13" }) {
			assertThat(DisabilityCertificateNumber.parse(id + suffix, TODAY).value()).isEqualTo(id + suffix);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> DisabilityCertificateNumber.parse(id + "82", TODAY))
			.withMessageContaining("category");
		assertThatIllegalArgumentException().isThrownBy(() -> DisabilityCertificateNumber.parse(id + "02", TODAY))
			.withMessageContaining("category");
		assertThatIllegalArgumentException().isThrownBy(() -> DisabilityCertificateNumber.parse(id + "45", TODAY))
			.withMessageContaining("level");
		assertThatIllegalArgumentException().isThrownBy(() -> DisabilityCertificateNumber.parse(id + "4", TODAY))
			.withMessageContaining("20 characters");
		String corrupted = id.substring(0, 17) + ((id.charAt(17) == '1') ? '2' : '1');
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DisabilityCertificateNumber.parse(corrupted + "42", TODAY))
			.withMessageContaining("first 18 characters");
	}

}
