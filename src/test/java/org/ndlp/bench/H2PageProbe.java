package org.ndlp.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.schema.Schema;
import org.h2.table.Table;

/**
 * What each H2 commit writes, by table and index: after each commit, walks every MVStore
 * map from its root into the pages written since the last look (pages of newer chunks; a
 * page rewritten has its parent rewritten too) and adds up pages and their (maximum)
 * lengths per map. A bench tool ({@code -Dbench.probe=true} on {@link IngestFileBench}),
 * not application code.
 */
final class H2PageProbe {

	private final MVStore store;

	private final Map<String, String> names = new HashMap<>();

	private final Map<String, long[]> written = new TreeMap<>();

	private int lastChunk;

	private long looks;

	H2PageProbe(DataSource database) throws SQLException {
		try (Connection connection = database.getConnection()) {
			SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
			this.store = session.getDatabase().getStore().getMvStore();
			for (Schema schema : session.getDatabase().getAllSchemas()) {
				for (Table table : schema.getAllTablesAndViews(session)) {
					this.names.put("table." + table.getId(), table.getName());
				}
				for (Index index : schema.getAllIndexes()) {
					this.names.put("index." + index.getId(), index.getTable().getName() + "." + index.getName());
				}
			}
		}
		this.lastChunk = newestChunk();
	}

	/** Adds up what was written since the last look. */
	synchronized void look() {
		int newest = this.lastChunk;
		for (MVMap<?, ?> map : maps()) {
			Page<?, ?> root = map.getRootPage();
			long[] counts = new long[2];
			newest = Math.max(newest, walk(root, counts));
			if (counts[0] > 0) {
				long[] total = this.written.computeIfAbsent(name(map), (k) -> new long[2]);
				total[0] += counts[0];
				total[1] += counts[1];
			}
		}
		this.lastChunk = newest;
		this.looks++;
	}

	private int walk(Page<?, ?> page, long[] counts) {
		long pos = page.getPos();
		if (!DataUtils.isPageSaved(pos) || DataUtils.getPageChunkId(pos) <= this.lastChunk) {
			return this.lastChunk;
		}
		int newest = DataUtils.getPageChunkId(pos);
		counts[0]++;
		counts[1] += DataUtils.getPageMaxLength(pos);
		if (!page.isLeaf()) {
			for (int i = 0; i < page.getRawChildPageCount(); i++) {
				long child = page.getChildPagePos(i);
				if (DataUtils.isPageSaved(child) && DataUtils.getPageChunkId(child) > this.lastChunk) {
					newest = Math.max(newest, walk(page.getChildPage(i), counts));
				}
			}
		}
		return newest;
	}

	private int newestChunk() {
		int newest = 0;
		for (MVMap<?, ?> map : maps()) {
			long pos = map.getRootPage().getPos();
			if (DataUtils.isPageSaved(pos)) {
				newest = Math.max(newest, DataUtils.getPageChunkId(pos));
			}
		}
		return newest;
	}

	private List<MVMap<?, ?>> maps() {
		List<MVMap<?, ?>> maps = new ArrayList<>();
		for (String name : this.store.getMapNames()) {
			String id = this.store.getMetaMap().get("name." + name);
			if (id != null) {
				MVMap<?, ?> map = this.store.getMap(Integer.parseInt(id, 16));
				if (map != null) {
					maps.add(map);
				}
			}
		}
		return maps;
	}

	private String name(MVMap<?, ?> map) {
		String name = map.getName();
		return this.names.getOrDefault(name, name);
	}

	/** Pages and KiB written per look, by map, most first. */
	synchronized String report() {
		StringBuilder out = new StringBuilder();
		long pages = 0;
		long bytes = 0;
		for (long[] counts : this.written.values()) {
			pages += counts[0];
			bytes += counts[1];
		}
		out.append(String.format(Locale.ROOT, "H2 pages written over %,d commits: %,d pages, %,d MiB (max lengths)%n",
				this.looks, pages, bytes >> 20));
		long all = Math.max(1, bytes);
		this.written.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
			.forEach((e) -> out
				.append(String.format(Locale.ROOT, "  %-60s %8.1f pages/commit %8.1f KiB/commit %5.1f %%%n", e.getKey(),
						e.getValue()[0] / (double) Math.max(1, this.looks),
						e.getValue()[1] / 1024.0 / Math.max(1, this.looks), 100.0 * e.getValue()[1] / all)));
		return out.toString();
	}

}
