package org.ndlp.resources.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys possible duplicates are found by. */
class ResourceKeysTests {

	@Test
	void titlesDifferingOnlyInPunctuationSpacesWidthOrCaseShareAKey() {
		assertThat(ResourceKeys.titleKey("《广州记忆》：老照片")).isEqualTo(ResourceKeys.titleKey("广州记忆 老照片"));
		assertThat(ResourceKeys.titleKey("ＡＢＣ 数据库")).isEqualTo(ResourceKeys.titleKey("abc数据库"));
		assertThat(ResourceKeys.titleKey("广州记忆")).isNotEqualTo(ResourceKeys.titleKey("杭州记忆"));
	}

	@Test
	void urlsDifferingOnlySchemeWwwHostCaseOrTrailingSlashShareAKey() {
		assertThat(ResourceKeys.urlKey("https://www.GZLib.org.cn/lzp/"))
			.isEqualTo(ResourceKeys.urlKey("http://gzlib.org.cn/lzp"));
		assertThat(ResourceKeys.urlKey("https://gzlib.org.cn/LZP"))
			.isNotEqualTo(ResourceKeys.urlKey("https://gzlib.org.cn/lzp"));
		assertThat(ResourceKeys.urlKey(" ")).isNull();
	}

}
