package org.ndlp.catalog.marc;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams MARC-in-JSON records (Ross Singer's format: {@code {"leader": …, "fields":
 * [{"001": "…"}, {"245": {"ind1": …, "ind2": …, "subfields": [{"a": "…"}]}}]}}) from a
 * single object, an array of objects or one object after another (JSON lines). A record
 * of the wrong shape is reported as {@link ReadResult.Malformed} and reading goes on; a
 * JSON syntax error cannot be resynchronised, so it is reported once and ends the stream.
 *
 * <p>
 * Written with Jackson's streaming parser rather than marc4j's {@code MarcJsonReader},
 * which throws "Malformed JSON input" with no position at the first bad record. The
 * caller owns and closes the input stream.
 */
public final class MarcJsonReader implements Iterator<ReadResult> {

	private static final JsonFactory JSON = new JsonFactory();

	private final JsonParser json;

	private final ReadOptions options;

	private long index;

	private int arrayDepth;

	private ReadResult next;

	private boolean done;

	private MarcJsonReader(JsonParser json, ReadOptions options) {
		this.json = json;
		this.options = options;
	}

	/** Reads records, detecting the schema per record. */
	public static Stream<ReadResult> read(InputStream in) {
		return read(in, ReadOptions.DETECT);
	}

	/** Reads records with the caller's schema override (JSON is always Unicode). */
	public static Stream<ReadResult> read(InputStream in, ReadOptions options) {
		return StreamSupport.stream(
				Spliterators.spliteratorUnknownSize(iterate(in, options), Spliterator.ORDERED | Spliterator.NONNULL),
				false);
	}

	/** The same as {@link #read(InputStream, ReadOptions)}, as an iterator. */
	public static MarcJsonReader iterate(InputStream in, ReadOptions options) {
		return new MarcJsonReader(JSON.createParser(ObjectReadContext.empty(), in), options);
	}

	@Override
	public boolean hasNext() {
		if (this.next == null && !this.done) {
			this.next = advance();
		}
		return this.next != null;
	}

	@Override
	public ReadResult next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		ReadResult result = this.next;
		this.next = null;
		return result;
	}

	private ReadResult advance() {
		try {
			JsonToken token;
			while ((token = this.json.nextToken()) != null) {
				if (token == JsonToken.START_ARRAY && this.arrayDepth == 0) {
					this.arrayDepth++;
				}
				else if (token == JsonToken.END_ARRAY && this.arrayDepth > 0) {
					this.arrayDepth--;
				}
				else if (token == JsonToken.START_OBJECT) {
					return record();
				}
				else {
					this.index++;
					String location = where(this.json.currentTokenLocation());
					this.json.skipChildren();
					return new ReadResult.Malformed(this.index, location, null,
							"expected a record object, found " + token);
				}
			}
			this.done = true;
			this.json.close();
			return null;
		}
		catch (JacksonException ex) {
			this.done = true;
			return new ReadResult.Malformed(++this.index, where(ex.getLocation()), null,
					"JSON is not well-formed, reading stopped: " + ex.getOriginalMessage());
		}
	}

	private ReadResult record() {
		this.index++;
		String location = where(this.json.currentTokenLocation());
		String leader = null;
		List<MarcField> fields = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		String[] error = new String[1];
		while (this.json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = this.json.currentName();
			JsonToken value = this.json.nextToken();
			if (name.equals("leader") && value == JsonToken.VALUE_STRING) {
				leader = this.json.getString();
			}
			else if (name.equals("fields") && value == JsonToken.START_ARRAY) {
				while (this.json.nextToken() == JsonToken.START_OBJECT) {
					field(fields, warnings, error);
				}
			}
			else {
				this.json.skipChildren();
			}
		}
		String recordId = fields.stream()
			.filter((f) -> f instanceof ControlField c && c.tag().equals("001"))
			.map((f) -> ((ControlField) f).value().trim())
			.findFirst()
			.orElse(null);
		if (error[0] == null && leader == null) {
			error[0] = "record without a leader";
		}
		if (error[0] == null && leader.length() != MarcRecord.LEADER_LENGTH) {
			error[0] = "leader has " + leader.length() + " characters, not 24";
		}
		if (error[0] != null) {
			return new ReadResult.Malformed(this.index, location, recordId, error[0]);
		}
		MarcRecord record = new MarcRecord(leader, fields);
		MarcSchema schema = (this.options.schema() != null) ? this.options.schema() : MarcSchema.detect(record);
		return new ReadResult.Parsed(this.index, location, record, schema, MarcEncoding.UTF_8, warnings, null);
	}

	// one {"tag": value} object of the fields array; the parser stands on its
	// START_OBJECT
	private void field(List<MarcField> fields, List<String> warnings, String[] error) {
		while (this.json.nextToken() == JsonToken.PROPERTY_NAME) {
			String tag = this.json.currentName();
			JsonToken value = this.json.nextToken();
			if (value == JsonToken.VALUE_STRING) {
				fields.add(new ControlField(tag, this.json.getString()));
			}
			else if (value == JsonToken.START_OBJECT) {
				fields.add(dataField(tag, warnings, error));
			}
			else {
				this.json.skipChildren();
				fail(error, "field " + tag + " is neither a string nor an object");
			}
		}
	}

	private DataField dataField(String tag, List<String> warnings, String[] error) {
		String ind1 = null;
		String ind2 = null;
		List<Subfield> subfields = new ArrayList<>();
		while (this.json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = this.json.currentName();
			JsonToken value = this.json.nextToken();
			if (name.equals("ind1") && value == JsonToken.VALUE_STRING) {
				ind1 = this.json.getString();
			}
			else if (name.equals("ind2") && value == JsonToken.VALUE_STRING) {
				ind2 = this.json.getString();
			}
			else if (name.equals("subfields") && value == JsonToken.START_ARRAY) {
				while (this.json.nextToken() == JsonToken.START_OBJECT) {
					while (this.json.nextToken() == JsonToken.PROPERTY_NAME) {
						String code = this.json.currentName();
						JsonToken subfieldValue = this.json.nextToken();
						if (code.length() != 1 || subfieldValue != JsonToken.VALUE_STRING) {
							this.json.skipChildren();
							fail(error,
									"subfield '" + code + "' of " + tag + " is not a one-character code with a string");
						}
						else {
							subfields.add(new Subfield(code.charAt(0), this.json.getString()));
						}
					}
				}
			}
			else {
				this.json.skipChildren();
			}
		}
		return new DataField(tag, indicator(ind1, tag, "ind1", warnings, error),
				indicator(ind2, tag, "ind2", warnings, error), subfields);
	}

	private static char indicator(String value, String tag, String name, List<String> warnings, String[] error) {
		if (value == null || value.isEmpty()) {
			warnings.add("field " + tag + " has no " + name + "; read as blank");
			return ' ';
		}
		if (value.length() != 1) {
			fail(error, "field " + tag + " has " + name + " '" + value + "'");
			return ' ';
		}
		return value.charAt(0);
	}

	private static void fail(String[] error, String reason) {
		if (error[0] == null) {
			error[0] = reason;
		}
	}

	private static String where(TokenStreamLocation location) {
		return (location != null) ? "line " + location.getLineNr() + ", column " + location.getColumnNr()
				: "unknown position";
	}

}
