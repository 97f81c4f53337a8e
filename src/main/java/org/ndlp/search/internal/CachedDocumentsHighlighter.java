package org.ndlp.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.solr.highlight.UnifiedSolrHighlighter;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.SolrCache;
import org.apache.solr.search.SolrDocumentFetcher;

/**
 * Solr's unified highlighter, reading the highlighted documents through the searcher's
 * document cache. The stock highlighter reads the stored fields of every hit on the page
 * straight from the index, and the answer then reads the same documents again through the
 * cache: two decompressions of each hit's stored-fields block per search (about a tenth
 * of the request threads' CPU at 4 clients went to such decompression, JFR, ADR 0039).
 * Here the highlighter reads each whole document through the cache (a hit when the same
 * record was shown recently), and the answer then finds it there. The text highlighted is
 * the same: each field's stored values joined and cut to {@code hl.maxAnalyzedChars} by
 * Lucene's own {@code LimitedStoredFieldVisitor}, fed the cached document by Solr's
 * {@code SolrDocumentFetcher.doc(int, StoredFieldVisitor)}. Without a document cache
 * (size 0), or with {@code ndlp.hl.documentCache=false} (a request parameter, for
 * comparisons), it reads as the stock highlighter does.
 */
public class CachedDocumentsHighlighter extends UnifiedSolrHighlighter {

	/**
	 * Request parameter: {@code false} reads the stored fields as the stock highlighter.
	 */
	public static final String PARAM = "ndlp.hl.documentCache";

	@Override
	protected UnifiedHighlighter getHighlighter(SolrQueryRequest req) {
		SolrCache<Integer, Document> cache = req.getSearcher().getDocFetcher().getDocumentCache();
		// without a document cache, as the stock highlighter (the answer reads the
		// documents again either way)
		if (!req.getParams().getBool(PARAM, true) || cache == null || cache.getMaxSize() == 0) {
			return super.getHighlighter(req);
		}
		return new Highlighter(req);
	}

	/** The stock highlighter but for where it reads the documents. */
	private static final class Highlighter extends SolrExtendedUnifiedHighlighter {

		private final SolrQueryRequest req;

		Highlighter(SolrQueryRequest req) {
			super(req);
			this.req = req;
		}

		@Override
		protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
				int cacheCharsThreshold) throws IOException {
			SolrDocumentFetcher documents = this.req.getSearcher().getDocFetcher();
			List<CharSequence[]> values = new ArrayList<>();
			int chars = 0;
			// as Lucene's own: documents up to the threshold per call (one if it is 0)
			do {
				int doc = docIter.nextDoc();
				if (doc == DocIdSetIterator.NO_MORE_DOCS) {
					break;
				}
				Values visitor = new Values(fields, MULTIVAL_SEP_CHAR, getMaxLength());
				// the whole document from the cache, or read whole and cached
				documents.doc(doc, visitor);
				CharSequence[] byField = visitor.values();
				values.add(byField);
				for (CharSequence value : byField) {
					chars += (value != null) ? value.length() : 0;
				}
			}
			while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
			return values;
		}

		/** Lucene's visitor, fed from a document instead of the index. */
		private static final class Values extends LimitedStoredFieldVisitor {

			Values(String[] fields, char separator, int maxLength) {
				super(fields, separator, maxLength);
				this.values = new CharSequence[fields.length];
				this.currentField = -1;
			}

			CharSequence[] values() {
				return this.values;
			}

		}

	}

}
