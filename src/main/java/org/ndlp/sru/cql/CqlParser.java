package org.ndlp.sru.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses CQL 1.2 by recursive descent (ADR 0023), the grammar and the corner cases of
 * Index Data's cql-java (the reference the 92 XCQL regression pairs come from):
 *
 * <pre>
 * query      = prefix* scopedClause ("sortBy" sortKey+)?
 * scoped     = term (boolean modifier* term)*          left-associative, all booleans equal
 * term       = "(" scoped ")" | prefix scoped | index relation modifier* term | searchTerm
 * prefix     = ">" (name "=")? identifier
 * </pre>
 *
 * An index and relation written before a parenthesised query become the default of the
 * clauses inside it (CQL 1.1 heritage). Unquoted words that follow each other without a
 * relation form one term ({@code all contains any}). Keywords are case-insensitive and
 * may stand as terms where a term is expected. A parser instance holds no state between
 * calls.
 */
public final class CqlParser {

	private static final Set<String> WORD_RELATIONS = Set.of("any", "all", "adj", "within", "encloses", "exact");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "prox", "sortby");

	/** Parses a query; {@link CqlSyntaxError} when it is not CQL. */
	public CqlNode parse(String cql) {
		return new Run(new Lexer(cql)).parse();
	}

	private enum Kind {

		WORD, STRING, LPAREN, RPAREN, SLASH, RELATION, EOF

	}

	private record Token(Kind kind, String text) {

		boolean keyword(String word) {
			return this.kind == Kind.WORD && this.text.equalsIgnoreCase(word);
		}

		boolean anyKeyword() {
			return this.kind == Kind.WORD && KEYWORDS.contains(this.text.toLowerCase(Locale.ROOT));
		}

		boolean plainWord() {
			return this.kind == Kind.WORD && !anyKeyword();
		}

		boolean symbolic(String symbol) {
			return this.kind == Kind.RELATION && this.text.equals(symbol);
		}

		String render() {
			return switch (this.kind) {
				case EOF -> "EOF";
				case WORD -> anyKeyword() ? this.text.toLowerCase(Locale.ROOT) : "word: " + this.text;
				case STRING -> "string: \"" + this.text + "\"";
				default -> "'" + this.text + "'";
			};
		}

	}

	/** Splits CQL into words, quoted strings and symbols. */
	private static final class Lexer {

		private final String text;

		private int position;

		Lexer(String text) {
			this.text = (text != null) ? text : "";
		}

		Token next() {
			while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
				this.position++;
			}
			if (this.position >= this.text.length()) {
				return new Token(Kind.EOF, "");
			}
			char c = this.text.charAt(this.position);
			switch (c) {
				case '(' -> {
					this.position++;
					return new Token(Kind.LPAREN, "(");
				}
				case ')' -> {
					this.position++;
					return new Token(Kind.RPAREN, ")");
				}
				case '/' -> {
					this.position++;
					return new Token(Kind.SLASH, "/");
				}
				case '=', '<', '>' -> {
					return relation(c);
				}
				case '"' -> {
					return string();
				}
				default -> {
					return word();
				}
			}
		}

		private Token relation(char c) {
			this.position++;
			char after = (this.position < this.text.length()) ? this.text.charAt(this.position) : 0;
			String symbol = String.valueOf(c);
			if ((c == '=' && after == '=') || (c == '<' && (after == '=' || after == '>'))
					|| (c == '>' && after == '=')) {
				symbol = symbol + after;
				this.position++;
			}
			return new Token(Kind.RELATION, symbol);
		}

		private Token string() {
			StringBuilder value = new StringBuilder();
			this.position++;
			while (this.position < this.text.length()) {
				char c = this.text.charAt(this.position++);
				if (c == '"') {
					return new Token(Kind.STRING, value.toString());
				}
				value.append(c);
				if (c == '\\' && this.position < this.text.length()) {
					// an escaped character stays escaped: the term keeps its backslashes
					value.append(this.text.charAt(this.position++));
				}
			}
			throw new CqlSyntaxError("unterminated string: \"" + value);
		}

		private Token word() {
			int start = this.position;
			while (this.position < this.text.length()) {
				char c = this.text.charAt(this.position);
				if (Character.isWhitespace(c) || "()=<>\"/".indexOf(c) >= 0) {
					break;
				}
				this.position++;
			}
			return new Token(Kind.WORD, this.text.substring(start, this.position));
		}

	}

	/** One parse: the token stream with one token of look-ahead. */
	private static final class Run {

		private final Lexer lexer;

		private Token token;

		private Token peeked;

		Run(Lexer lexer) {
			this.lexer = lexer;
			this.token = lexer.next();
		}

		CqlNode parse() {
			CqlNode root = topLevel("cql.serverChoice", "=", List.of());
			if (this.token.kind() != Kind.EOF) {
				throw new CqlSyntaxError("junk after end: " + this.token.render());
			}
			return root;
		}

		private CqlNode topLevel(String index, String relation, List<CqlModifier> modifiers) {
			if (this.token.symbolic(">")) {
				return prefix(index, relation, modifiers, true);
			}
			CqlNode node = query(index, relation, modifiers);
			if (this.token.keyword("sortby")) {
				advance();
				List<CqlSortKey> keys = new ArrayList<>();
				while (this.token.kind() != Kind.EOF) {
					String key = symbol("sort index");
					keys.add(new CqlSortKey(key, modifiers()));
				}
				if (keys.isEmpty()) {
					throw new CqlSyntaxError("no sort keys");
				}
				node = node.withSortKeys(keys);
			}
			return node;
		}

		private CqlNode query(String index, String relation, List<CqlModifier> modifiers) {
			CqlNode left = term(index, relation, modifiers);
			while (this.token.kind() != Kind.EOF && this.token.kind() != Kind.RPAREN && !this.token.keyword("sortby")) {
				if (!this.token.anyKeyword()) {
					throw new CqlSyntaxError("expected boolean, got " + this.token.render());
				}
				String operator = this.token.text().toLowerCase(Locale.ROOT);
				advance();
				List<CqlModifier> booleanModifiers = modifiers();
				CqlNode right = term(index, relation, modifiers);
				left = new CqlNode.Triple(List.of(), operator, booleanModifiers, left, right, List.of());
			}
			return left;
		}

		private CqlNode term(String index, String relation, List<CqlModifier> modifiers) {
			String currentIndex = index;
			String currentRelation = relation;
			List<CqlModifier> currentModifiers = modifiers;
			while (true) {
				if (this.token.kind() == Kind.LPAREN) {
					advance();
					CqlNode inner = query(currentIndex, currentRelation, currentModifiers);
					expect(Kind.RPAREN, "')'");
					return inner;
				}
				if (this.token.symbolic(">")) {
					return prefix(currentIndex, currentRelation, currentModifiers, false);
				}
				StringBuilder word = new StringBuilder(symbol("index or term"));
				while (this.token.plainWord() && !relationAhead()) {
					word.append(' ').append(this.token.text());
					advance();
				}
				if (!relationAhead()) {
					return new CqlNode.Clause(List.of(), currentIndex, currentRelation, currentModifiers,
							word.toString(), List.of());
				}
				currentIndex = word.toString();
				currentRelation = this.token.text();
				advance();
				currentModifiers = modifiers();
			}
		}

		private CqlNode prefix(String index, String relation, List<CqlModifier> modifiers, boolean topLevel) {
			advance();
			String name = null;
			String identifier = symbol("prefix-name");
			if (this.token.symbolic("=")) {
				advance();
				name = identifier;
				identifier = symbol("prefix-identifier");
			}
			CqlNode node = topLevel ? topLevel(index, relation, modifiers) : query(index, relation, modifiers);
			return node.withPrefix(new CqlPrefix(name, identifier));
		}

		private List<CqlModifier> modifiers() {
			List<CqlModifier> modifiers = new ArrayList<>();
			while (this.token.kind() == Kind.SLASH) {
				advance();
				if (this.token.kind() != Kind.WORD) {
					throw new CqlSyntaxError("expected modifier, got " + this.token.render());
				}
				String type = this.token.text().toLowerCase(Locale.ROOT);
				advance();
				if (this.token.kind() == Kind.RELATION) {
					String comparison = this.token.text();
					advance();
					modifiers.add(new CqlModifier(type, comparison, symbol("modifier value")));
				}
				else {
					modifiers.add(new CqlModifier(type, null, null));
				}
			}
			return modifiers;
		}

		/**
		 * Whether the current token is a relation: a symbol always; a relation word
		 * ({@code any}, {@code all}, … or a prefixed {@code x.y}) unless a boolean or
		 * sortBy follows it, in which case it is part of the term.
		 */
		private boolean relationAhead() {
			if (this.token.kind() == Kind.RELATION) {
				return true;
			}
			if (!this.token.plainWord()) {
				return false;
			}
			String word = this.token.text().toLowerCase(Locale.ROOT);
			if (!WORD_RELATIONS.contains(word) && word.indexOf('.') < 0) {
				return false;
			}
			return !peek().anyKeyword();
		}

		private String symbol(String expected) {
			if (this.token.kind() == Kind.WORD || this.token.kind() == Kind.STRING) {
				String value = this.token.text();
				advance();
				return value;
			}
			throw new CqlSyntaxError("expected " + expected + ", got " + this.token.render());
		}

		private void expect(Kind kind, String rendered) {
			if (this.token.kind() != kind) {
				throw new CqlSyntaxError("expected " + rendered + ", got " + this.token.render());
			}
			advance();
		}

		private Token peek() {
			if (this.peeked == null) {
				this.peeked = this.lexer.next();
			}
			return this.peeked;
		}

		private void advance() {
			if (this.peeked != null) {
				this.token = this.peeked;
				this.peeked = null;
			}
			else {
				this.token = this.lexer.next();
			}
		}

	}

}
