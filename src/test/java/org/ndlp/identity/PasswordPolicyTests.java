package org.ndlp.identity;

import org.junit.jupiter.api.Test;

import org.ndlp.shared.problem.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one password policy, without Spring. */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(12);

	@Test
	void staffPasswordsNeedTwelveCharacters() {
		assertThatThrownBy(() -> this.policy.checkStaff("zhang.san", "short-pw")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("at least 12")
			.extracting((ex) -> ((InvalidInput) ex).field())
			.isEqualTo("password");
		this.policy.checkStaff("zhang.san", "梅花香自苦寒来-2024");
	}

	@Test
	void passwordsMustNotContainTheLoginName() {
		assertThat(this.policy.problem("zhang.san", "my-Zhang.San-password", 12)).contains("login name");
	}

	@Test
	void commonPasswordsAreRefusedWhateverTheirCase() {
		assertThat(this.policy.problem("li.si", "Password1234", 12)).contains("common");
		assertThat(this.policy.problem("li.si", "woaini5201314", 12)).contains("common");
	}

	@Test
	void readersMayUseALowerMinimum() {
		assertThat(this.policy.problem("13800138000", "qing-he-8", 8)).isNull();
		assertThat(this.policy.problem("13800138000", "qing-he-8", 12)).contains("at least 12");
	}

}
