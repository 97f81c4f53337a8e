package org.ndlp.identifiers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CDOI names: syntax, NOID check character, normalization. */
class CdoiTests {

	@Test
	void checkCharacterIsTheNoidAlgorithmsOnTheExampleOfItsSpecification() {
		// NOID's documented example: 13030/xf93gt2 gets check character q
		assertThat(NoidCheck.of("13030/xf93gt2")).isEqualTo('q');
	}

	@Test
	void mintedNameCarriesACheckCharacterThatParsingAccepts() {
		Cdoi minted = Cdoi.of("10001", CdoiType.UR, "00b7k");
		assertThat(minted.suffix()).startsWith("ur.00b7k").hasSize("ur.00b7k".length() + 1);
		assertThat(Cdoi.parse(minted.handle())).isEqualTo(minted);
		assertThat(Cdoi.parse(" 10001 ", minted.suffix().toUpperCase())).isEqualTo(minted);
		assertThat(minted.type()).isEqualTo(CdoiType.UR);
		assertThat(minted.localName()).isEqualTo("00b7k");
	}

	@Test
	void everySingleCharacterChangeAndAdjacentTranspositionIsCaught() {
		Cdoi minted = Cdoi.of("10001.440100", CdoiType.BK, "3f9k2x");
		String suffix = minted.suffix();
		int dot = suffix.indexOf('.');
		for (int i = dot + 1; i < suffix.length(); i++) {
			for (char c : NoidCheck.XDIGITS.toCharArray()) {
				if (c != suffix.charAt(i)) {
					String corrupted = suffix.substring(0, i) + c + suffix.substring(i + 1);
					assertThatThrownBy(() -> Cdoi.parse(minted.prefix(), corrupted)).as(corrupted)
						.isInstanceOf(MalformedIdentifier.class);
				}
			}
		}
		for (int i = dot + 1; i < suffix.length() - 1; i++) {
			if (suffix.charAt(i) != suffix.charAt(i + 1)) {
				String swapped = suffix.substring(0, i) + suffix.charAt(i + 1) + suffix.charAt(i)
						+ suffix.substring(i + 2);
				assertThatThrownBy(() -> Cdoi.parse(minted.prefix(), swapped)).as(swapped)
					.isInstanceOf(MalformedIdentifier.class);
			}
		}
	}

	@Test
	void aCorruptedNameSaysWhatIsWrong() {
		Cdoi minted = Cdoi.of("10001", CdoiType.UR, "00b7k");
		char wrong = (minted.suffix().charAt(minted.suffix().length() - 1) == 'b') ? 'c' : 'b';
		String corrupted = minted.suffix().substring(0, minted.suffix().length() - 1) + wrong;
		assertThatThrownBy(() -> Cdoi.parse("10001", corrupted)).isInstanceOf(MalformedIdentifier.class)
			.hasMessageContaining("check character '" + wrong + "'")
			.hasMessageContaining("expected '" + minted.suffix().charAt(minted.suffix().length() - 1) + "'");
		assertThatThrownBy(() -> Cdoi.parse("10001", "zz.00b7kq")).hasMessageContaining("not a resource-type code");
		assertThatThrownBy(() -> Cdoi.parse("CDOI", "ur.00b7kq")).hasMessageContaining("prefix");
		assertThatThrownBy(() -> Cdoi.parse("10001/ur")).hasMessageContaining("suffix");
	}

	@Test
	void sequenceNumbersAreWrittenInExtendedDigits() {
		assertThat(NoidCheck.encode(0, 5)).isEqualTo("00000");
		assertThat(NoidCheck.encode(28, 5)).isEqualTo("0000z");
		assertThat(NoidCheck.encode(29, 1)).isEqualTo("10");
	}

}
