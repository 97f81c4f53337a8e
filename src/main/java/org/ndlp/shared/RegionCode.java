package org.ndlp.shared;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An administrative region code of GB/T 2260: six digits, the first two naming the
 * province-level division ({@code 440100} is Guangzhou in Guangdong, {@code 440000}).
 *
 * @param value the six digits
 */
public record RegionCode(String value) implements Comparable<RegionCode>, java.io.Serializable {

	private static final Pattern SYNTAX = Pattern.compile("\\d{6}");

	/** Province-level divisions of GB/T 2260 by their two-digit prefix. */
	private static final Map<String, String> PROVINCES = Map.ofEntries(Map.entry("11", "北京市"), Map.entry("12", "天津市"),
			Map.entry("13", "河北省"), Map.entry("14", "山西省"), Map.entry("15", "内蒙古自治区"), Map.entry("21", "辽宁省"),
			Map.entry("22", "吉林省"), Map.entry("23", "黑龙江省"), Map.entry("31", "上海市"), Map.entry("32", "江苏省"),
			Map.entry("33", "浙江省"), Map.entry("34", "安徽省"), Map.entry("35", "福建省"), Map.entry("36", "江西省"),
			Map.entry("37", "山东省"), Map.entry("41", "河南省"), Map.entry("42", "湖北省"), Map.entry("43", "湖南省"),
			Map.entry("44", "广东省"), Map.entry("45", "广西壮族自治区"), Map.entry("46", "海南省"), Map.entry("50", "重庆市"),
			Map.entry("51", "四川省"), Map.entry("52", "贵州省"), Map.entry("53", "云南省"), Map.entry("54", "西藏自治区"),
			Map.entry("61", "陕西省"), Map.entry("62", "甘肃省"), Map.entry("63", "青海省"), Map.entry("64", "宁夏回族自治区"),
			Map.entry("65", "新疆维吾尔自治区"), Map.entry("71", "台湾省"), Map.entry("81", "香港特别行政区"),
			Map.entry("82", "澳门特别行政区"));

	public RegionCode {
		if (value == null || !SYNTAX.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"region code must be 6 digits of GB/T 2260 (e.g. 440100), got: " + value);
		}
		if (!PROVINCES.containsKey(value.substring(0, 2))) {
			throw new IllegalArgumentException(
					"region code " + value + " does not start with a GB/T 2260 province-level code");
		}
	}

	@JsonCreator
	public static RegionCode of(String value) {
		return new RegionCode(value == null ? null : value.strip());
	}

	/** Whether a string is a well-formed region code. */
	public static boolean isValid(String value) {
		try {
			of(value);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The two-digit province prefix, e.g. {@code 44}. */
	public String provincePrefix() {
		return this.value.substring(0, 2);
	}

	/**
	 * The code of the province-level division this region lies in, e.g. {@code 440000}.
	 */
	public RegionCode province() {
		return new RegionCode(provincePrefix() + "0000");
	}

	/** Whether this code names a province-level division itself. */
	public boolean isProvince() {
		return this.value.endsWith("0000");
	}

	/** Whether both codes lie in the same province-level division. */
	public boolean sameProvinceAs(RegionCode other) {
		return other != null && provincePrefix().equals(other.provincePrefix());
	}

	/** The Chinese name of the province-level division, e.g. 广东省. */
	public String provinceName() {
		return PROVINCES.get(provincePrefix());
	}

	/** The Chinese name of a province-level division given by its two-digit prefix. */
	public static Optional<String> provinceName(String prefix) {
		return Optional.ofNullable(PROVINCES.get(prefix));
	}

	@JsonValue
	@Override
	public String value() {
		return this.value;
	}

	@Override
	public int compareTo(RegionCode other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
