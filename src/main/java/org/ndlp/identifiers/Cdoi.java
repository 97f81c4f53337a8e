package org.ndlp.identifiers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A CDOI name {@code prefix/suffix}, e.g. {@code 10001/ur.0001bq}: the prefix is the
 * issuing institution's code (digits, then dot-separated segments, as a Handle prefix),
 * the suffix is a resource-type code, a dot, a local name and one NOID check character
 * computed over {@code prefix/type.localname}. Names are case-insensitive and kept in
 * lower case (ADR 0011).
 *
 * @param prefix the prefix, e.g. {@code 10001} or {@code 10001.440100}
 * @param suffix the suffix with its check character
 */
public record Cdoi(String prefix, String suffix) {

	private static final Pattern PREFIX = Pattern.compile("[0-9]{1,10}(\\.[0-9a-z]{1,20}){0,3}");

	private static final Pattern LOCAL_NAME = Pattern.compile("[0-9a-z][0-9a-z_-]{0,63}");

	/** Parses and checks a name as typed (any case, surrounding blanks ignored). */
	public static Cdoi parse(String prefix, String suffix) {
		String p = checkPrefix(prefix);
		String s = (suffix != null) ? suffix.strip().toLowerCase(Locale.ROOT) : "";
		int dot = s.indexOf('.');
		if (dot < 0) {
			throw new MalformedIdentifier("suffix", "suffix '" + suffix
					+ "' must be a resource-type code, a dot and a local name with its check character, e.g. ur.0001bq");
		}
		String type = s.substring(0, dot);
		if (CdoiType.ofCode(type) == null) {
			throw new MalformedIdentifier("suffix",
					"'" + type + "' is not a resource-type code; use one of " + CdoiType.codes());
		}
		String named = s.substring(dot + 1);
		if (named.length() < 2) {
			throw new MalformedIdentifier("suffix", "suffix '" + suffix + "' lacks a local name or check character");
		}
		String local = named.substring(0, named.length() - 1);
		checkLocalName(local);
		char given = named.charAt(named.length() - 1);
		char expected = NoidCheck.of(p + "/" + type + "." + local);
		if (given != expected) {
			throw new MalformedIdentifier("suffix", "check character '" + given + "' of " + p + "/" + s
					+ " is wrong (expected '" + expected + "'): the identifier was mistyped or corrupted");
		}
		return new Cdoi(p, s);
	}

	/** Parses {@code prefix/suffix}. */
	public static Cdoi parse(String handle) {
		String value = (handle != null) ? handle.strip() : "";
		int slash = value.indexOf('/');
		if (slash < 0) {
			throw new MalformedIdentifier("identifier",
					"identifier '" + handle + "' must be prefix/suffix, e.g. 10001/ur.0001bq");
		}
		return parse(value.substring(0, slash), value.substring(slash + 1));
	}

	/** Builds the name for a local name, appending its check character. */
	public static Cdoi of(String prefix, CdoiType type, String localName) {
		String p = checkPrefix(prefix);
		String local = (localName != null) ? localName.strip().toLowerCase(Locale.ROOT) : "";
		checkLocalName(local);
		String body = type.code() + "." + local;
		return new Cdoi(p, body + NoidCheck.of(p + "/" + body));
	}

	/** Checks and normalizes a prefix. */
	public static String checkPrefix(String prefix) {
		String p = (prefix != null) ? prefix.strip().toLowerCase(Locale.ROOT) : "";
		if (!PREFIX.matcher(p).matches()) {
			throw new MalformedIdentifier("prefix", "prefix '" + prefix
					+ "' must be 1-10 digits followed by up to 3 dot-separated segments of digits or letters, e.g. 10001 or 10001.440100");
		}
		return p;
	}

	private static void checkLocalName(String local) {
		if (!LOCAL_NAME.matcher(local).matches()) {
			throw new MalformedIdentifier("suffix", "local name '" + local
					+ "' must be 1-64 letters, digits, '_' or '-', starting with a letter or digit");
		}
	}

	/** The resource type named by the suffix. */
	public CdoiType type() {
		return CdoiType.ofCode(this.suffix.substring(0, this.suffix.indexOf('.')));
	}

	/** The local name (without type code and check character). */
	public String localName() {
		return this.suffix.substring(this.suffix.indexOf('.') + 1, this.suffix.length() - 1);
	}

	/** {@code prefix/suffix}. */
	public String handle() {
		return this.prefix + "/" + this.suffix;
	}

	@Override
	public String toString() {
		return handle();
	}

}
