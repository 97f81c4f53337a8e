package org.ndlp.identifiers.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The resolution index's map (ADR 0030) against a {@link HashMap} doing the same random
 * puts, replacements and removals, through growth and compaction; and readers running
 * while one writer changes it never see a value the key never had.
 */
class RedirectTableTests {

	@Test
	void behavesLikeAMapThroughGrowthAndCompaction() {
		// compact as soon as garbage passes 200 KiB (and the live bytes)
		RedirectTable table = new RedirectTable(200 * 1024);
		Map<String, String> model = new HashMap<>();
		Random random = new Random(42);
		for (int op = 0; op < 300_000; op++) {
			String handle = "10001/ur." + Integer.toString(random.nextInt(40_000), 36);
			int kind = random.nextInt(10);
			if (kind < 6) {
				String href = "https://ndlp.example.cn/records/" + random.nextInt(1_000_000)
						+ ((kind == 0) ? "/文津/書" : "");
				table.put(handle, href);
				model.put(handle, href);
			}
			else if (kind < 8) {
				table.remove(handle);
				model.remove(handle);
			}
			else {
				assertThat(table.get(handle)).as(handle).isEqualTo(model.get(handle));
			}
		}
		assertThat(table.size()).isEqualTo(model.size());
		model.forEach((handle, href) -> assertThat(table.get(handle)).isEqualTo(href));
		assertThat(table.get("10001/ur.unknown")).isNull();
		// 40,000 handles at most were live: far fewer chunks than the bytes ever written
		assertThat(table.memoryBytes()).isLessThan(8L << 20);
	}

	@Test
	void holdsAMillionHandlesInAboutSeventyBytesEach() {
		RedirectTable table = new RedirectTable();
		for (int i = 0; i < 1_000_000; i++) {
			table.put("10001/ur.b" + i, "https://ndlp.example.cn/records/" + i);
		}
		assertThat(table.size()).isEqualTo(1_000_000);
		assertThat(table.get("10001/ur.b999999")).isEqualTo("https://ndlp.example.cn/records/999999");
		assertThat(table.memoryBytes()).isLessThan(90L * 1_000_000);
	}

	@Test
	void refusesValuesItCannotStore() {
		RedirectTable table = new RedirectTable();
		assertThatThrownBy(() -> table.put("10001/x", "https://a.example.cn/" + "a".repeat(70_000)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void readersNeverSeeATornOrForeignValue() throws Exception {
		RedirectTable table = new RedirectTable(64 * 1024);
		int keys = 5_000;
		AtomicBoolean done = new AtomicBoolean();
		AtomicReference<String> wrong = new AtomicReference<>();
		Map<String, Boolean> seen = new ConcurrentHashMap<>();
		List<Thread> readers = new ArrayList<>();
		for (int r = 0; r < 2; r++) {
			Thread reader = new Thread(() -> {
				Random random = new Random();
				while (!done.get()) {
					String handle = "10001/bk." + random.nextInt(keys);
					String href = table.get(handle);
					// every value ever written for a key names that key
					if (href != null && !href.startsWith("https://example.cn/" + handle + "/")) {
						wrong.compareAndSet(null, handle + " → " + href);
					}
					if (href != null) {
						seen.put(handle, true);
					}
				}
			});
			reader.start();
			readers.add(reader);
		}
		Random random = new Random(7);
		for (int op = 0; op < 400_000; op++) {
			String handle = "10001/bk." + random.nextInt(keys);
			if (random.nextInt(5) == 0) {
				table.remove(handle);
			}
			else {
				table.put(handle, "https://example.cn/" + handle + "/" + op);
			}
		}
		done.set(true);
		for (Thread reader : readers) {
			reader.join();
		}
		assertThat(wrong.get()).isNull();
		assertThat(seen).isNotEmpty();
	}

}
