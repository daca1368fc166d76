package tn.diwan.mongo;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds a unique index that can narrow a query to a few documents.
 * <p>
 * mongo-java-server 1.47 uses a unique index only when the query's keys are exactly the index's
 * keys ({@code AbstractUniqueIndex.canHandle}): {@code {_id: x}} is a lookup, but
 * {@code {_id: x, status: 'open'}} (a conditional update) reads the whole collection, holding the
 * write lock. Top-level keys of a query are a conjunction, so the documents matching the index's
 * own keys are a superset of the query's matches: they are looked up through the index, and the
 * whole query is then matched against them. Measured at 967,000 mails: such a {@code findAndModify}
 * took seconds; through the index it reads one document.
 */
final class IndexedNarrowing {

    private IndexedNarrowing() {
    }

    /**
     * The query's result: the documents found through a unique index that narrows it, matched by
     * {@code matchAt} against the whole query, or else the library's own way ({@code otherwise}).
     */
    static <P> QueryResult query(List<Index<P>> indexes, Document query, Function<Iterable<P>, QueryResult> matchAt,
                                 Supplier<QueryResult> otherwise) {
        Iterable<P> positions = positions(indexes, query);
        return positions == null ? otherwise.get() : matchAt.apply(positions);
    }

    /** The positions of the documents that may match {@code query}, or {@code null} when no unique index can narrow it. */
    private static <P> Iterable<P> positions(List<Index<P>> indexes, Document query) {
        if (query == null || query.size() < 2) {
            return null; // an exact match of the index's keys, or no query: the library's own way
        }
        for (Index<P> index : indexes) {
            Document indexPart = new Document();
            for (IndexKey indexKey : index.getKeys()) {
                String key = indexKey.getKey();
                if (!query.containsKey(key)) {
                    indexPart = null;
                    break;
                }
                indexPart.put(key, query.get(key));
            }
            if (indexPart != null && index.canHandle(indexPart)) {
                return index.getPositions(indexPart);
            }
        }
        return null;
    }
}
