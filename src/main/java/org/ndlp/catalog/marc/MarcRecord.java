package org.ndlp.catalog.marc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One MARC record as it was read: the 24-character leader and the fields in their
 * original order. Schema-neutral (MARC 21, UNIMARC and CNMARC share this structure) and
 * immutable.
 *
 * @param leader the leader exactly as found (lengths in it are recomputed on writing)
 * @param fields control and data fields in source order
 */
public record MarcRecord(String leader, List<MarcField> fields) {

	/** Length of a leader in ISO 2709. */
	public static final int LEADER_LENGTH = 24;

	public MarcRecord {
		Objects.requireNonNull(leader, "leader");
		if (leader.length() != LEADER_LENGTH) {
			throw new IllegalArgumentException("leader must have 24 characters, has " + leader.length());
		}
		// the ISO 2709 reader's lists are immutable already
		fields = (fields instanceof ArrayBackedList) ? fields : List.copyOf(fields);
	}

	/** The record's own identifier: the value of 001, if any. */
	public Optional<String> controlNumber() {
		return controlField("001");
	}

	/** The value of the first control field with this tag. */
	public Optional<String> controlField(String tag) {
		for (MarcField field : this.fields) {
			if (field instanceof ControlField control && control.tag().equals(tag)) {
				return Optional.of(control.value());
			}
		}
		return Optional.empty();
	}

	/** All data fields with this tag, in order (unmodifiable). */
	public List<DataField> dataFields(String tag) {
		// describing a record asks for some thirty tags, most of them absent: no list
		// for those
		List<DataField> found = null;
		for (MarcField field : this.fields) {
			if (field instanceof DataField data && data.tag().equals(tag)) {
				if (found == null) {
					found = new ArrayList<>(2);
				}
				found.add(data);
			}
		}
		return (found != null) ? java.util.Collections.unmodifiableList(found) : List.of();
	}

	/** The first data field with this tag, if any. */
	public Optional<DataField> firstDataField(String tag) {
		for (MarcField field : this.fields) {
			if (field instanceof DataField data && data.tag().equals(tag)) {
				return Optional.of(data);
			}
		}
		return Optional.empty();
	}

	/** The first value of {@code tag $code}, if any. */
	public Optional<String> firstValue(String tag, char code) {
		for (DataField field : dataFields(tag)) {
			Optional<String> value = field.first(code);
			if (value.isPresent()) {
				return value;
			}
		}
		return Optional.empty();
	}

	/** Whether any field carries this tag. */
	public boolean has(String tag) {
		for (MarcField field : this.fields) {
			if (field.tag().equals(tag)) {
				return true;
			}
		}
		return false;
	}

	/** The leader character at a position (0-based). */
	public char leaderAt(int position) {
		return this.leader.charAt(position);
	}

	/** Whether leader/05 marks the record as deleted. */
	public boolean isDeleted() {
		return this.leader.charAt(5) == 'd';
	}

}
