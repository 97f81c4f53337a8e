package org.ndlp.search.internal;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.TotalHits;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;
import org.apache.solr.request.LocalSolrQueryRequest;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.request.SolrRequestHandler;
import org.apache.solr.request.SolrRequestInfo;
import org.apache.solr.response.DocsStreamer;
import org.apache.solr.response.ResultContext;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.update.AddUpdateCommand;
import org.apache.solr.update.processor.UpdateRequestProcessor;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.search.DocList;
import org.apache.solr.search.ReturnFields;

/**
 * The embedded client, with searches answered in place: {@link EmbeddedSolrServer} writes
 * every response to javabin and reads it back, as if it had crossed the network (the
 * documents, six facets and highlighting of a portal search each time). Here the
 * handler's answer is handed over as SolrJ reads javabin: the result list as a
 * {@link SolrDocumentList} of the same documents (through {@link DocsStreamer}, as the
 * response writers read them), arrays as lists. Everything else (updates, commits, admin
 * requests) goes the parent's way.
 */
final class InProcessSolrServer extends EmbeddedSolrServer {

	// SolrRequestInfo(SolrQueryRequest, SolrQueryResponse); its overloads name the
	// servlet
	// API, which is not on this application's compile path
	private static final Constructor<SolrRequestInfo> REQUEST_INFO;

	static {
		try {
			REQUEST_INFO = SolrRequestInfo.class.getConstructor(SolrQueryRequest.class, SolrQueryResponse.class);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// requests answered in place (tests check that the in-place path is the one taken)
	private final java.util.concurrent.atomic.AtomicLong inPlace = new java.util.concurrent.atomic.AtomicLong();

	InProcessSolrServer(CoreContainer cores, String defaultCore) {
		super(cores, defaultCore);
	}

	@Override
	public NamedList<Object> request(SolrRequest<?> request, String collection)
			throws SolrServerException, IOException {
		if (request instanceof UpdateRequest update && onlyAdds(update)) {
			return addInPlace(update.getDocuments(), collection);
		}
		if (!(request instanceof QueryRequest) || request.getStreamingResponseCallback() != null
				|| request.getResponseParser() != null) {
			// other updates, admin requests, streamed answers and answers wanted in
			// another
			// format
			return super.request(request, collection);
		}
		String path = (request.getPath() != null) ? request.getPath() : "/select";
		try (SolrCore core = this.coreContainer.getCore((collection != null) ? collection : this.coreName)) {
			SolrRequestHandler handler = (core != null) ? core.getRequestHandler(path) : null;
			if (handler == null) {
				// the parent's answer for a missing core or handler
				return super.request(request, collection);
			}
			SolrParams params = (request.getParams() != null) ? request.getParams() : new ModifiableSolrParams();
			SolrQueryRequest req = new LocalSolrQueryRequest(core, params);
			SolrQueryResponse rsp = new SolrQueryResponse();
			SolrRequestInfo.setRequestInfo(requestInfo(req, rsp));
			try {
				core.execute(handler, req, rsp);
				Exception failure = rsp.getException();
				if (failure instanceof SolrException solr) {
					throw solr;
				}
				if (failure != null) {
					throw new SolrServerException(failure);
				}
				// while the request holds its searcher: the documents are read here
				@SuppressWarnings("unchecked")
				NamedList<Object> answer = (NamedList<Object>) plain(rsp.getValues());
				this.inPlace.incrementAndGet();
				return answer;
			}
			finally {
				SolrRequestInfo.clearRequestInfo();
				req.close();
			}
		}
	}

	// documents and nothing else: no deletes, no commit or other parameters, no
	// per-document options
	private static boolean onlyAdds(UpdateRequest update) {
		return update.getDocuments() != null && !update.getDocuments().isEmpty() && update.getDocIterator() == null
				&& (update.getDeleteById() == null || update.getDeleteById().isEmpty())
				&& (update.getDeleteQuery() == null || update.getDeleteQuery().isEmpty())
				&& (update.getParams() == null || update.getParams().size() == 0) && update.getCommitWithin() < 0
				&& update.getDocumentsMap()
					.values()
					.stream()
					.allMatch((options) -> options == null || options.isEmpty())
				&& update.getResponseParser() == null;
	}

	/**
	 * Runs the documents through the core's update chain in this thread, as the update
	 * handler does with what it reads from javabin. The documents are the caller's no
	 * more (the chain adds {@code _version_}).
	 */
	private NamedList<Object> addInPlace(List<SolrInputDocument> documents, String collection) throws IOException {
		String name = (collection != null) ? collection : this.coreName;
		try (SolrCore core = this.coreContainer.getCore(name)) {
			if (core == null) {
				throw new SolrException(SolrException.ErrorCode.NOT_FOUND, "no such core: " + name);
			}
			long start = System.nanoTime();
			SolrQueryRequest req = new LocalSolrQueryRequest(core, new ModifiableSolrParams());
			SolrQueryResponse rsp = new SolrQueryResponse();
			try {
				UpdateRequestProcessor chain = core.getUpdateProcessingChain(null).createProcessor(req, rsp);
				try {
					for (SolrInputDocument document : documents) {
						AddUpdateCommand add = new AddUpdateCommand(req);
						add.solrDoc = document;
						chain.processAdd(add);
					}
					chain.finish();
				}
				finally {
					chain.close();
				}
			}
			finally {
				req.close();
			}
			this.inPlace.incrementAndGet();
			NamedList<Object> header = new SimpleOrderedMap<>();
			header.add("status", 0);
			header.add("QTime", (int) ((System.nanoTime() - start) / 1_000_000));
			NamedList<Object> answer = new NamedList<>();
			answer.add("responseHeader", header);
			return answer;
		}
	}

	long answeredInPlace() {
		return this.inPlace.get();
	}

	private static SolrRequestInfo requestInfo(SolrQueryRequest req, SolrQueryResponse rsp) {
		try {
			return REQUEST_INFO.newInstance(req, rsp);
		}
		catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A response value as SolrJ would have read it from javabin. */
	static Object plain(Object value) {
		if (value instanceof ResultContext context) {
			return documents(context);
		}
		if (value instanceof SolrDocument || value instanceof SolrDocumentList) {
			return value;
		}
		if (value instanceof NamedList<?> list) {
			NamedList<Object> copy = (list instanceof SimpleOrderedMap) ? new SimpleOrderedMap<>() : new NamedList<>();
			for (int i = 0; i < list.size(); i++) {
				copy.add(list.getName(i), plain(list.getVal(i)));
			}
			return copy;
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(k, plain(v)));
			return copy;
		}
		if (value instanceof Object[] array) {
			List<Object> copy = new ArrayList<>(array.length);
			for (Object item : array) {
				copy.add(plain(item));
			}
			return copy;
		}
		if (value instanceof Collection<?> collection) {
			List<Object> copy = new ArrayList<>(collection.size());
			collection.forEach((item) -> copy.add(plain(item)));
			return copy;
		}
		return value;
	}

	private static SolrDocumentList documents(ResultContext context) {
		DocList docs = context.getDocList();
		SolrDocumentList list = new SolrDocumentList();
		list.setNumFound(docs.matches());
		list.setStart(docs.offset());
		list.setNumFoundExact(docs.hitCountRelation() == TotalHits.Relation.EQUAL_TO);
		if (context.wantsScores()) {
			list.setMaxScore(docs.maxScore());
		}
		IndexSchema schema = context.getRequest().getSchema();
		ReturnFields wanted = context.getReturnFields();
		DocsStreamer streamer = new DocsStreamer(context);
		while (streamer.hasNext()) {
			SolrDocument doc = streamer.next();
			// as the javabin writer's resolver: stored fields as their Java values, only
			// the fields asked for
			SolrDocument plain = new SolrDocument();
			for (String name : doc.getFieldNames()) {
				if (wanted.wantsField(name)) {
					plain.setField(name, external(schema, doc.getFieldValue(name)));
				}
			}
			list.add(plain);
		}
		return list;
	}

	private static Object external(IndexSchema schema, Object value) {
		if (value instanceof IndexableField field) {
			return DocsStreamer.getValue(schema.getFieldOrNull(field.name()), field);
		}
		if (value instanceof Collection<?> values) {
			List<Object> copy = new ArrayList<>(values.size());
			values.forEach((item) -> copy.add(external(schema, item)));
			return copy;
		}
		return value;
	}

}
