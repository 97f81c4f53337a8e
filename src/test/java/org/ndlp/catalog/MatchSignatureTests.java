package org.ndlp.catalog;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchSignatureTests {

	@Test
	void foldsTraditionalFullWidthCaseAndPunctuation() {
		assertThat(MatchSignature.normalize("圖書館學：理論與實踐")).isEqualTo(MatchSignature.normalize("图书馆学 理论与实践"));
		assertThat(MatchSignature.normalize("ＡＢＣ １２３！")).isEqualTo("abc123");
		assertThat(MatchSignature.normalize("沈從文")).isEqualTo("沈从文");
		assertThat(MatchSignature.normalize(null)).isEmpty();
	}

	@Test
	void sameIsbnAndTitleIsTheSameEdition() {
		MatchSignature a = new MatchSignature("边城", "沈从文", "2002", "", Set.of("9787020024797"));
		MatchSignature b = new MatchSignature("边城沈从文著", "沈从文", "2002", "", Set.of("9787020024797"));
		assertThat(a.sameEditionAs(b)).contains("9787020024797");
	}

	@Test
	void differentEditionsAndConflictingIsbnsStayApart() {
		MatchSignature first = new MatchSignature("边城", "沈从文", "2002", "", Set.of("9787020024797"));
		MatchSignature second = new MatchSignature("边城", "沈从文", "2002", "2版", Set.of("9787020024797"));
		MatchSignature other = new MatchSignature("边城", "沈从文", "2002", "", Set.of("9787530210291"));
		MatchSignature laterYear = new MatchSignature("边城", "沈从文", "2005", "", Set.of());
		assertThat(first.sameEditionAs(second)).as("another edition").isNull();
		assertThat(first.sameEditionAs(other)).as("conflicting ISBNs").isNull();
		assertThat(new MatchSignature("边城", "沈从文", "2002", "", Set.of()).sameEditionAs(laterYear)).isNull();
	}

	@Test
	void titleCreatorAndYearMatchWithoutIsbn() {
		MatchSignature a = new MatchSignature("边城", "沈从文", "2002", "", Set.of());
		MatchSignature b = new MatchSignature("边城", "沈从文", "2002", "", Set.of("9787020024797"));
		assertThat(a.sameEditionAs(b)).contains("title");
		assertThat(a.keys()).containsExactly("tcy:边城|沈从文|2002");
		assertThat(b.keys()).contains("isbn:9787020024797");
	}

}
