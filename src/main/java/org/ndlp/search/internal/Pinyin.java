package org.ndlp.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.Transliterator;

/**
 * Pinyin forms of Chinese text for search: full syllables ({@code zhong guo tu shu guan})
 * and initials ({@code zgtsg}), computed in Java at index time with ICU's
 * {@code Han-Latin} transliteration; and the query-side split of run-together pinyin
 * ({@code zhongguo} to {@code zhong guo}).
 */
final class Pinyin {

	/**
	 * Every syllable ICU's {@code Han-Latin} gives a CJK unified ideograph (U+4E00 to
	 * U+9FA5), written out: deriving them takes ICU ~1.3 s of CPU, which the first search
	 * after a start used to wait for (four at once: ~9 s). A test derives them again and
	 * compares.
	 */
	private static final Set<String> SYLLABLES = Set.of("""
			a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao
			ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui
			chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dian diao die ding diu
			dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang
			gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng
			hm hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan
			jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan
			lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lue lun luo m ma
			mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu n na nai nan nang nao ne
			nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nun nuo o ou pa pai pan pang
			pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu
			qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se
			sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun
			shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu
			tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu
			xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei
			zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui
			zhun zhuo zi zong zou zu zuan zui zun zuo
			""".strip().split("\\s+"));

	private static final java.util.concurrent.ConcurrentHashMap<Integer, String> SYLLABLE_OF = new java.util.concurrent.ConcurrentHashMap<>();

	private Pinyin() {
	}

	/**
	 * The pinyin syllables of a text's Han characters, in order, space-separated; other
	 * letters and digits are kept as words. Empty when the text has no Han character.
	 */
	static String full(String text) {
		List<String> words = words(text);
		return words.isEmpty() ? "" : String.join(" ", words);
	}

	/** The first letters of the syllables, e.g. {@code zgtsg}; empty without Han. */
	static String initials(String text) {
		StringBuilder initials = new StringBuilder();
		for (String word : words(text)) {
			initials.append(word.charAt(0));
		}
		return initials.toString();
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		if (text == null || SearchQueries.eastAsianFree(text)) {
			// no Han character: no pinyin (most Western-language values; a quick scan)
			return words;
		}
		boolean han = false;
		StringBuilder latin = new StringBuilder();
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
				flush(latin, words);
				String syllable = syllable(cp);
				if (!syllable.isEmpty()) {
					words.add(syllable);
					han = true;
				}
			}
			else if (Character.isLetterOrDigit(cp)) {
				latin.appendCodePoint(Character.toLowerCase(cp));
			}
			else {
				flush(latin, words);
			}
		}
		flush(latin, words);
		return han ? words : List.of();
	}

	private static void flush(StringBuilder latin, List<String> words) {
		if (!latin.isEmpty()) {
			words.add(latin.toString());
			latin.setLength(0);
		}
	}

	/**
	 * The pinyin of one Han character, letters only; cached, since a catalog repeats a
	 * few thousand characters millions of times.
	 */
	private static String syllable(int han) {
		return SYLLABLE_OF.computeIfAbsent(han, (cp) -> {
			String latin = latin(new String(Character.toChars(cp)));
			StringBuilder letters = new StringBuilder(latin.length());
			for (int i = 0; i < latin.length(); i++) {
				char c = latin.charAt(i);
				if (c >= 'a' && c <= 'z') {
					letters.append(c);
				}
			}
			return letters.toString();
		});
	}

	private static String latin(String han) {
		Transliterator hanLatin = HanLatin.INSTANCE;
		synchronized (hanLatin) {
			return hanLatin.transliterate(han);
		}
	}

	/**
	 * ICU's transliterator, built (~1 s) when the indexer first needs it, not by
	 * searches.
	 */
	private static final class HanLatin {

		static final Transliterator INSTANCE = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");

	}

	/**
	 * Splits a run of letters into pinyin syllables ({@code zhonghua} to
	 * {@code [zhong, hua]}) with as few syllables as possible; empty when it is not
	 * pinyin. One-letter syllables ({@code a}, {@code o}, {@code e}) are not used: with
	 * them many English words split ({@code education} into {@code e du ca ti o n}), and
	 * each split adds a phrase query over every searched field.
	 */
	static List<String> split(String word) {
		String w = word.toLowerCase(Locale.ROOT);
		if (!w.matches("[a-z]+")) {
			return List.of();
		}
		Set<String> known = SYLLABLES;
		int n = w.length();
		int[] best = new int[n + 1];
		int[] from = new int[n + 1];
		java.util.Arrays.fill(best, Integer.MAX_VALUE);
		best[0] = 0;
		for (int end = 1; end <= n; end++) {
			for (int start = Math.max(0, end - 6); start < end - 1; start++) {
				if (best[start] != Integer.MAX_VALUE && best[start] + 1 < best[end]
						&& known.contains(w.substring(start, end))) {
					best[end] = best[start] + 1;
					from[end] = start;
				}
			}
		}
		if (best[n] == Integer.MAX_VALUE) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		for (int end = n; end > 0; end = from[end]) {
			parts.add(0, w.substring(from[end], end));
		}
		return parts;
	}

	/** The syllables {@link #split} knows. */
	static Set<String> syllables() {
		return SYLLABLES;
	}

	/** Every syllable ICU gives a CJK unified ideograph, derived (for the test). */
	static Set<String> syllablesFromIcu() {
		Set<String> all = new TreeSet<>();
		StringBuilder block = new StringBuilder();
		for (int cp = 0x4E00; cp <= 0x9FA5; cp++) {
			block.appendCodePoint(cp).append(' ');
		}
		for (String syllable : latin(block.toString()).split("\\s+")) {
			if (syllable.matches("[a-z]+")) {
				all.add(syllable);
			}
		}
		return all;
	}

}
