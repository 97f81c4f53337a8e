package org.ndlp.sru.internal;

import java.util.Map;

/**
 * A condition of the SRU diagnostic list ({@code info:srw/diagnostic/1/N}) that ends a
 * request (a fatal diagnostic) or replaces one record (a surrogate diagnostic).
 */
public class SruDiagnostic extends RuntimeException {

	static final int GENERAL_SYSTEM_ERROR = 1;

	static final int UNSUPPORTED_OPERATION = 4;

	static final int UNSUPPORTED_VERSION = 5;

	static final int UNSUPPORTED_PARAMETER_VALUE = 6;

	static final int MANDATORY_PARAMETER = 7;

	static final int QUERY_SYNTAX = 10;

	static final int UNSUPPORTED_CONTEXT_SET = 15;

	static final int UNSUPPORTED_INDEX = 16;

	static final int UNSUPPORTED_RELATION = 19;

	static final int UNSUPPORTED_RELATION_MODIFIER = 20;

	static final int EMPTY_TERM = 27;

	static final int MASKING_UNSUPPORTED = 28;

	static final int ANCHORING_UNSUPPORTED = 31;

	static final int TERM_INVALID_FORMAT = 36;

	static final int PROXIMITY_UNSUPPORTED = 39;

	static final int UNSUPPORTED_BOOLEAN_MODIFIER = 46;

	static final int FIRST_RECORD_OUT_OF_RANGE = 61;

	static final int RECORD_DOES_NOT_EXIST = 65;

	static final int UNKNOWN_SCHEMA = 66;

	static final int NOT_IN_SCHEMA = 67;

	static final int UNSUPPORTED_PACKING = 71;

	static final int XPATH_UNSUPPORTED = 72;

	static final int UNSUPPORTED_SORT_PATH = 88;

	static final int UNSUPPORTED_SORT = 80;

	private static final Map<Integer, String> MESSAGES = Map.ofEntries(Map.entry(1, "General system error"),
			Map.entry(4, "Unsupported operation"), Map.entry(5, "Unsupported version"),
			Map.entry(6, "Unsupported parameter value"), Map.entry(7, "Mandatory parameter not supplied"),
			Map.entry(10, "Query syntax error"), Map.entry(15, "Unsupported context set"),
			Map.entry(16, "Unsupported index"), Map.entry(19, "Unsupported relation"),
			Map.entry(20, "Unsupported relation modifier"), Map.entry(27, "Empty term unsupported"),
			Map.entry(28, "Masking character not supported"), Map.entry(31, "Anchoring character not supported"),
			Map.entry(36, "Term in invalid format for index or relation"), Map.entry(39, "Proximity not supported"),
			Map.entry(46, "Unsupported boolean modifier"), Map.entry(61, "First record position out of range"),
			Map.entry(65, "Record does not exist"), Map.entry(66, "Unknown schema for retrieval"),
			Map.entry(67, "Record not available in this schema"), Map.entry(71, "Unsupported record packing"),
			Map.entry(72, "XPath retrieval unsupported"), Map.entry(80, "Sort not supported"),
			Map.entry(88, "Unsupported path for sort"));

	private final int code;

	private final String details;

	public SruDiagnostic(int code, String details) {
		super(MESSAGES.getOrDefault(code, "Diagnostic " + code) + ((details != null) ? ": " + details : ""));
		this.code = code;
		this.details = details;
	}

	/** The number on the SRU diagnostic list. */
	public int code() {
		return this.code;
	}

	/** {@code info:srw/diagnostic/1/N}. */
	public String uri() {
		return "info:srw/diagnostic/1/" + this.code;
	}

	/**
	 * What the diagnostic is about (the parameter, index, relation …), or {@code null}.
	 */
	public String details() {
		return this.details;
	}

	/** The list's wording of the condition. */
	public String standardMessage() {
		return MESSAGES.getOrDefault(this.code, "Diagnostic " + this.code);
	}

}
