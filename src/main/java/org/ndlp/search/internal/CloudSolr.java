package org.ndlp.search.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * SolrCloud: the live index is an alias over a collection; a rebuild fills a new
 * collection and moves the alias, so queries never see a gap. The repo's configset is
 * uploaded at start-up.
 */
final class CloudSolr implements SolrShape {

	private final CloudSolrClient client;

	private final String alias;

	private final int shards;

	private final int replicas;

	CloudSolr(String zkHosts, String alias, int shards, int replicas) {
		this.alias = alias;
		this.shards = shards;
		this.replicas = replicas;
		this.client = new CloudSolrClient.Builder(zkHosts(zkHosts), chroot(zkHosts)).build();
		try {
			uploadConfigSet();
			if (currentCollection().isEmpty()) {
				String first = createCollection();
				CollectionAdminRequest.createAlias(alias, first).process(this.client);
			}
		}
		catch (IOException | SolrServerException ex) {
			throw new IllegalStateException("SolrCloud at " + zkHosts + " could not be prepared: " + ex.getMessage(),
					ex);
		}
	}

	private static List<String> zkHosts(String zkHosts) {
		String hosts = zkHosts.contains("/") ? zkHosts.substring(0, zkHosts.indexOf('/')) : zkHosts;
		return Arrays.stream(hosts.split(",")).map(String::strip).toList();
	}

	private static Optional<String> chroot(String zkHosts) {
		return zkHosts.contains("/") ? Optional.of(zkHosts.substring(zkHosts.indexOf('/'))) : Optional.empty();
	}

	private void uploadConfigSet() throws IOException, SolrServerException {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			for (String file : EmbeddedSolr.CONFIG_FILES) {
				out.putNextEntry(new ZipEntry(file));
				try (InputStream in = CloudSolr.class.getResourceAsStream("/solr/ndlp/conf/" + file)) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		}
		ContentStreamBase.ByteArrayStream stream = new ContentStreamBase.ByteArrayStream(zip.toByteArray(), "ndlp.zip",
				"application/zip");
		new ConfigSetAdminRequest.Upload().setConfigSetName(EmbeddedSolr.CONFIGSET)
			.setUploadStream(stream)
			.setOverwrite(true)
			.process(this.client);
	}

	private Optional<String> currentCollection() {
		// a name that is no alias resolves to itself
		List<String> target = this.client.getClusterStateProvider().resolveAlias(this.alias);
		return (target.isEmpty() || target.equals(List.of(this.alias))) ? Optional.empty() : Optional.of(target.get(0));
	}

	private String createCollection() throws IOException, SolrServerException {
		String name = this.alias + "_" + System.currentTimeMillis();
		CollectionAdminRequest.createCollection(name, EmbeddedSolr.CONFIGSET, this.shards, this.replicas)
			.process(this.client);
		return name;
	}

	@Override
	public SolrClient client() {
		return this.client;
	}

	@Override
	public String live() {
		return this.alias;
	}

	@Override
	public String createRebuildTarget() throws IOException, SolrServerException {
		return createCollection();
	}

	@Override
	public void swapIn(String rebuilt) throws IOException, SolrServerException {
		Optional<String> old = currentCollection();
		CollectionAdminRequest.createAlias(this.alias, rebuilt).process(this.client);
		if (old.isPresent() && !old.get().equals(rebuilt)) {
			CollectionAdminRequest.deleteCollection(old.get()).process(this.client);
		}
	}

	@Override
	public void drop(String rebuilt) {
		try {
			CollectionAdminRequest.deleteCollection(rebuilt).process(this.client);
		}
		catch (IOException | SolrServerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.client.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
