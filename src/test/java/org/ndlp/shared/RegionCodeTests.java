package org.ndlp.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RegionCodeTests {

	@Test
	void knowsItsProvince() {
		RegionCode guangzhou = RegionCode.of("440100");
		assertThat(guangzhou.province()).isEqualTo(RegionCode.of("440000"));
		assertThat(guangzhou.provinceName()).isEqualTo("广东省");
		assertThat(guangzhou.isProvince()).isFalse();
		assertThat(guangzhou.sameProvinceAs(RegionCode.of("440300"))).isTrue();
		assertThat(guangzhou.sameProvinceAs(RegionCode.of("330100"))).isFalse();
	}

	@Test
	void rejectsCodesThatAreNotSixDigitsOfAKnownProvince() {
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCode.of("4401"));
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCode.of("44010a"));
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCode.of("990100"))
			.withMessageContaining("province");
	}

	@Test
	void libraryCodesAreNormalisedToUpperCase() {
		assertThat(LibraryCode.of(" cn-440100-gzl ")).isEqualTo(new LibraryCode("CN-440100-GZL"));
		assertThatIllegalArgumentException().isThrownBy(() -> LibraryCode.of("广州"));
		assertThatIllegalArgumentException().isThrownBy(() -> LibraryCode.of("A"));
	}

}
