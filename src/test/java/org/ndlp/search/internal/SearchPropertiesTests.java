package org.ndlp.search.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search settings as Spring binds them from configuration keys. */
class SearchPropertiesTests {

	@Test
	void aRebuildMergesIntoOneSegmentUnlessConfigured() {
		assertThat(bind(Map.of()).indexer().rebuildSegments()).isEqualTo(1);
		assertThat(bind(Map.of("ndlp.search.indexer.rebuild-segments", "0")).indexer().rebuildSegments()).isZero();
		assertThatThrownBy(() -> bind(Map.of("ndlp.search.indexer.rebuild-segments", "-1")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("ndlp.search.indexer.rebuild-segments must be 0 (no merge) or more, got -1");
	}

	private static SearchProperties bind(Map<String, String> keys) {
		return new Binder(new MapConfigurationPropertySource(keys)).bindOrCreate("ndlp.search", SearchProperties.class);
	}

}
