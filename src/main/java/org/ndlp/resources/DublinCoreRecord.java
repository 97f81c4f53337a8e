package org.ndlp.resources;

import java.util.List;
import java.util.Map;

/**
 * One harvested {@code oai_dc} record: the OAI header identifier and the Dublin Core
 * elements by local name ({@code title}, {@code creator}…), each with its values in
 * document order.
 *
 * @param identifier the OAI identifier of the record in the library's repository
 * @param datestamp the header datestamp, or {@code null}
 * @param deleted whether the header says the record was deleted
 * @param elements element name → values
 */
public record DublinCoreRecord(String identifier, String datestamp, boolean deleted,
		Map<String, List<String>> elements) {

	/** The first value of an element, or {@code null}. */
	public String first(String element) {
		List<String> values = this.elements.get(element);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** All values of an element joined with {@code "; "}, or {@code null}. */
	public String joined(String element) {
		List<String> values = this.elements.get(element);
		return (values == null || values.isEmpty()) ? null : String.join("; ", values);
	}

	/** All values of an element (empty when absent). */
	public List<String> all(String element) {
		return this.elements.getOrDefault(element, List.of());
	}

}
