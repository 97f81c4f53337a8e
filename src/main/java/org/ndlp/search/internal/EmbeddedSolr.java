package org.ndlp.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.NodeConfig;
import org.apache.solr.core.SolrCore;

/**
 * Solr in this JVM: a {@link CoreContainer} under {@code ${ndlp.home}/solr} whose
 * configset is rewritten from the classpath at each start, so the repo's configset is the
 * truth.
 */
final class EmbeddedSolr implements SolrShape {

	static final String CONFIGSET = "ndlp";

	static final String[] CONFIG_FILES = { "schema.xml", "solrconfig.xml" };

	private final CoreContainer cores;

	private final EmbeddedSolrServer client;

	private final String live;

	EmbeddedSolr(Path home, String live) {
		this.live = live;
		Path solrHome = home.toAbsolutePath().normalize();
		try {
			Path conf = solrHome.resolve("configsets").resolve(CONFIGSET).resolve("conf");
			Files.createDirectories(conf);
			Files.createDirectories(solrHome.resolve("cores"));
			for (String file : CONFIG_FILES) {
				try (InputStream in = EmbeddedSolr.class.getResourceAsStream("/solr/ndlp/conf/" + file)) {
					Files.copy(in, conf.resolve(file), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		NodeConfig config = new NodeConfig.NodeConfigBuilder("ndlp", solrHome)
			.setConfigSetBaseDirectory(solrHome.resolve("configsets").toString())
			.setCoreRootDirectory(solrHome.resolve("cores").toString())
			.setCoreLoadThreads(1)
			.build();
		this.cores = new CoreContainer(config);
		this.cores.load();
		if (!this.cores.getAllCoreNames().contains(live)) {
			this.cores.create(live, Map.of("configSet", CONFIGSET));
		}
		checkLoaded(this.cores);
		this.client = new InProcessSolrServer(this.cores, live);
	}

	/** Embedded Solr does not throw on a bad schema: look for failures ourselves. */
	static void checkLoaded(CoreContainer cores) {
		if (!cores.getCoreInitFailures().isEmpty()) {
			StringBuilder failures = new StringBuilder();
			cores.getCoreInitFailures()
				.forEach((name, failure) -> failures.append(name).append(": ").append(failure.exception).append("; "));
			throw new IllegalStateException("Solr cores failed to load: " + failures);
		}
	}

	CoreContainer cores() {
		return this.cores;
	}

	@Override
	public SolrClient client() {
		return this.client;
	}

	@Override
	public String live() {
		return this.live;
	}

	@Override
	public String createRebuildTarget() {
		String name = this.live + "_" + System.currentTimeMillis();
		this.cores.create(name, Map.of("configSet", CONFIGSET));
		checkLoaded(this.cores);
		return name;
	}

	@Override
	public void swapIn(String rebuilt) {
		// after the swap the old index answers to the rebuild's name
		this.cores.swap(this.live, rebuilt);
		awaitIdle(rebuilt, Duration.ofSeconds(30));
		this.cores.unload(rebuilt, true, true, true);
	}

	/**
	 * Waits until no request holds a core any more (searches that started before the swap
	 * still use the old index). Unloading a core that a search holds leaves its close to
	 * that search, which then waited 10 s for its own searcher's directory and failed.
	 */
	void awaitIdle(String name, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		try (SolrCore core = this.cores.getCore(name)) {
			// one reference is the container's, one is ours
			while (core != null && core.getOpenCount() > 2 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void drop(String rebuilt) {
		this.cores.unload(rebuilt, true, true, true);
	}

	@Override
	public void close() {
		this.cores.shutdown();
	}

}
