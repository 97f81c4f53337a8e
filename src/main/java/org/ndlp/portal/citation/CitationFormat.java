package org.ndlp.portal.citation;

import java.util.Locale;
import java.util.Optional;

/**
 * The citation formats readers can export a union record in, with the media type and file
 * extension each is downloaded with.
 */
public enum CitationFormat {

	/** GB/T 7714-2015 著录格式 (one line of text). */
	GBT7714("gbt7714", "text/plain;charset=UTF-8", "txt"),

	/** RIS (Research Information Systems), read by EndNote, Zotero, NoteExpress. */
	RIS("ris", "application/x-research-info-systems;charset=UTF-8", "ris"),

	/** BibTeX (biblatex / gbt7714-bibtex-style field names). */
	BIBTEX("bibtex", "application/x-bibtex;charset=UTF-8", "bib");

	private final String parameter;

	private final String mediaType;

	private final String extension;

	CitationFormat(String parameter, String mediaType, String extension) {
		this.parameter = parameter;
		this.mediaType = mediaType;
		this.extension = extension;
	}

	/**
	 * The format named by a request parameter ({@code gbt7714}, {@code ris},
	 * {@code bibtex}).
	 */
	public static Optional<CitationFormat> of(String parameter) {
		if (parameter == null) {
			return Optional.empty();
		}
		String wanted = parameter.strip().toLowerCase(Locale.ROOT);
		for (CitationFormat format : values()) {
			if (format.parameter.equals(wanted)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	public String parameter() {
		return this.parameter;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	/** Formats a record's description in this format. */
	public String format(Citations.Cited cited) {
		return switch (this) {
			case GBT7714 -> Citations.gbt7714(cited.description());
			case RIS -> Citations.ris(cited);
			case BIBTEX -> Citations.bibtex(cited);
		};
	}

}
