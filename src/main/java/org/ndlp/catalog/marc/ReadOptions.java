package org.ndlp.catalog.marc;

/**
 * What the caller already knows about a file. A {@code null} component means "detect it
 * per record"; a value overrides detection (an ingest job's {@code encoding} or
 * {@code syntax} parameter).
 *
 * @param schema the schema to assume, or {@code null} to detect
 * @param encoding the character encoding to assume, or {@code null} to detect
 */
public record ReadOptions(MarcSchema schema, MarcEncoding encoding) {

	/** Detect both schema and encoding. */
	public static final ReadOptions DETECT = new ReadOptions(null, null);

	/** These options with the schema fixed. */
	public ReadOptions withSchema(MarcSchema schema) {
		return new ReadOptions(schema, this.encoding);
	}

	/** These options with the encoding fixed. */
	public ReadOptions withEncoding(MarcEncoding encoding) {
		return new ReadOptions(this.schema, encoding);
	}

}
