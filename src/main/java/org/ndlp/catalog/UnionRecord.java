package org.ndlp.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.ndlp.catalog.marc.BibDescription;
import org.ndlp.catalog.marc.Holding;
import org.ndlp.shared.LibraryCode;

/**
 * One entry of the union catalog: an edition as every library that sent a record of it
 * describes it. Nothing is merged away: each library's record stays a member with its own
 * local id and match reasons, and holdings stay filed under the library that sent them;
 * the description shown is the display record's.
 *
 * @param id the union record's id (its cluster's id: the id of the cluster's first
 * record)
 * @param displayRecordId the member whose description is shown
 * @param displayReason why that member was chosen
 * @param description the display record's normalized description
 * @param members each library's record, display record first
 * @param holdings holdings grouped by the library that sent them
 */
public record UnionRecord(long id, long displayRecordId, String displayReason, BibDescription description,
		List<Member> members, List<LibraryHoldings> holdings) {

	public UnionRecord {
		members = List.copyOf(members);
		holdings = List.copyOf(holdings);
	}

	/** The libraries holding this edition (each once, in member order). */
	@JsonProperty("libraries")
	public List<LibraryCode> libraries() {
		return this.members.stream().map(Member::library).distinct().toList();
	}

	/**
	 * One library's record of the edition.
	 *
	 * @param recordId the source record's id
	 * @param library the library that sent it
	 * @param libraryName its Chinese name
	 * @param localId the library's own id (001)
	 * @param version the current version
	 * @param schema MARC21, CNMARC or UNIMARC
	 * @param syntax how it is stored (ISO2709 or MARCXML)
	 * @param completeness how many description elements it fills (of 13)
	 * @param reasons why it is in this cluster
	 */
	public record Member(long recordId, LibraryCode library, String libraryName, String localId, int version,
			String schema, String syntax, int completeness, String reasons) {
	}

	/**
	 * What one library holds of the edition.
	 *
	 * @param library the library
	 * @param libraryName its Chinese name
	 * @param province the province (Chinese name) it lies in
	 * @param holdings its holdings, from all its records in the cluster
	 */
	public record LibraryHoldings(LibraryCode library, String libraryName, String province, List<Holding> holdings) {

		public LibraryHoldings {
			holdings = List.copyOf(holdings);
		}

		/** Copies held (items counted where the record does not say). */
		@JsonProperty("copies")
		public int copies() {
			return this.holdings.stream()
				.mapToInt((h) -> (h.copies() != null) ? h.copies() : Math.max(1, h.barcodes().size()))
				.sum();
		}

	}

}
