package org.ndlp.oaipmh.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ndlp.catalog.SourceRecord;
import org.ndlp.catalog.marc.ResourceType;

/**
 * Sets by resource type ({@code type:book}, {@code type:serial}, ...): the type is read
 * from the stored record's leader without parsing the whole record.
 */
final class TypeSets {

	// the leader of a MARCXML (<leader>) or MARC-in-JSON ("leader": "...") record
	private static final Pattern LEADER = Pattern.compile("(?:leader>|\"leader\"\\s*:\\s*\")([^<\"]{24})");

	private TypeSets() {
	}

	static String spec(ResourceType type) {
		return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static ResourceType of(String spec) {
		for (ResourceType type : ResourceType.values()) {
			if (spec(type).equals(spec)) {
				return type;
			}
		}
		return null;
	}

	static String name(ResourceType type) {
		return switch (type) {
			case BOOK -> "图书 (books)";
			case SERIAL -> "连续出版物 (serials)";
			case MUSIC_SCORE -> "乐谱 (music scores)";
			case MAP -> "地图 (maps)";
			case VIDEO -> "视频资料 (video)";
			case SOUND -> "录音资料 (sound recordings)";
			case IMAGE -> "图像 (images)";
			case ELECTRONIC -> "电子资源 (electronic resources)";
			case OTHER -> "其他 (other)";
		};
	}

	/** The stored record's 24-character leader, or {@code null} when it has none. */
	static String leader(SourceRecord record) {
		byte[] content = record.content();
		if (content == null || content.length < 24) {
			return null;
		}
		if ("ISO2709".equals(record.syntax())) {
			return new String(content, 0, 24, StandardCharsets.ISO_8859_1);
		}
		Matcher matcher = LEADER
			.matcher(new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8));
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * The type a leader gives (same mapping as {@code BibDescription}'s), or {@code null}
	 * without a leader.
	 */
	static ResourceType type(String leader, String schema) {
		if (leader == null || leader.length() < 8) {
			return null;
		}
		char type = leader.charAt(6);
		char level = leader.charAt(7);
		if (level == 's' && (type == 'a' || type == 'b' || type == 't')) {
			return ResourceType.SERIAL;
		}
		return switch (type) {
			case 'a', 'b', 't' -> ResourceType.BOOK;
			case 'c', 'd' -> ResourceType.MUSIC_SCORE;
			case 'e', 'f' -> ResourceType.MAP;
			case 'g' -> ResourceType.VIDEO;
			case 'i', 'j' -> ResourceType.SOUND;
			case 'k' -> ResourceType.IMAGE;
			case 'l' -> ResourceType.ELECTRONIC;
			case 'm' -> "MARC21".equals(schema) ? ResourceType.ELECTRONIC : ResourceType.OTHER;
			default -> ResourceType.OTHER;
		};
	}

	/**
	 * Whether a record belongs to a type set; a deletion whose type cannot be read is
	 * listed in every type set, so that harvesters of any of them learn of it.
	 */
	static boolean inType(SourceRecord record, String leader, ResourceType wanted) {
		ResourceType type = type(leader, record.schema());
		return (type == null) ? record.deleted() : type == wanted;
	}

}
