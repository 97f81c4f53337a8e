package org.ndlp.search;

import java.util.Objects;

/**
 * A structured query over union records, built by a query language's parser (CQL for SRU)
 * instead of typed into a box: every value goes to Solr as a request parameter, never
 * into query syntax, so no user input needs escaping by the caller.
 */
public sealed interface FieldQuery permits FieldQuery.Words, FieldQuery.Range, FieldQuery.And, FieldQuery.Or,
		FieldQuery.AndNot, FieldQuery.Everything {

	/** What a clause searches. */
	enum Field {

		/** Title, creator, subject, publisher, series, ISBN, CLC, pinyin. */
		ANYWHERE(true),
		/** Titles, parallel titles and their pinyin. */
		TITLE(true),
		/** Persons and bodies, and their pinyin. */
		CREATOR(true),
		/** Subjects and series. */
		SUBJECT(true),
		/** Publishers. */
		PUBLISHER(true),
		/** ISBN, compared as ISBN-13 (ISBN-10 and hyphens welcome). */
		ISBN(false),
		/** ISSN ({@code 1234-567X}). */
		ISSN(false),
		/** CLC class number; {@link Match#PREFIX} takes the class and its subclasses. */
		CLC(false),
		/** Union record id. */
		ID(false),
		/** Language code ({@code chi}). */
		LANGUAGE(false),
		/** Holding library code. */
		LIBRARY(false),
		/** Year of publication (whole number). */
		YEAR(false);

		private final boolean text;

		Field(boolean text) {
			this.text = text;
		}

		/** Whether the field is analysed text (words) rather than exact values. */
		public boolean text() {
			return this.text;
		}

	}

	/** How the words of a {@link Words} clause must match. */
	enum Match {

		/** Every word (text) or the value (exact fields). */
		ALL_WORDS,
		/**
		 * At least one word (text) or one of the space-separated values (exact fields).
		 */
		ANY_WORD,
		/** The words next to each other, in order. */
		PHRASE,
		/** Values starting with the text (exact fields only). */
		PREFIX

	}

	/**
	 * Words or values of one field.
	 *
	 * @param field the field
	 * @param text what the user wrote (unescaped, no query syntax)
	 * @param match how its words must match
	 */
	record Words(Field field, String text, Match match) implements FieldQuery {

		public Words {
			Objects.requireNonNull(field, "field");
			Objects.requireNonNull(text, "text");
			Objects.requireNonNull(match, "match");
		}

	}

	/**
	 * A numeric range of {@link Field#YEAR}; a {@code null} bound is open.
	 *
	 * @param field the field (YEAR)
	 * @param from lower bound or {@code null}
	 * @param fromInclusive whether the lower bound matches
	 * @param to upper bound or {@code null}
	 * @param toInclusive whether the upper bound matches
	 */
	record Range(Field field, Integer from, boolean fromInclusive, Integer to,
			boolean toInclusive) implements FieldQuery {
	}

	/**
	 * Both.
	 *
	 * @param left one
	 * @param right the other
	 */
	record And(FieldQuery left, FieldQuery right) implements FieldQuery {
	}

	/**
	 * Either.
	 *
	 * @param left one
	 * @param right the other
	 */
	record Or(FieldQuery left, FieldQuery right) implements FieldQuery {
	}

	/**
	 * The left without the right.
	 *
	 * @param left what must match
	 * @param right what must not
	 */
	record AndNot(FieldQuery left, FieldQuery right) implements FieldQuery {
	}

	/** Every union record. */
	record Everything() implements FieldQuery {
	}

	/**
	 * A sort key of a structured search.
	 *
	 * @param field {@link Field#TITLE}, {@link Field#YEAR} or {@link Field#ID}
	 * @param ascending the direction
	 */
	record Sort(Field field, boolean ascending) {
	}

	/**
	 * One page of a structured search.
	 *
	 * @param total how many union records match
	 * @param ids the union record ids of the page, in order
	 */
	record Page(long total, java.util.List<String> ids) {
	}

}
