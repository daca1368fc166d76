package tn.diwan.mongo;

import java.util.Map;

import org.h2.mvstore.CursorPos;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

/**
 * An MVStore map that tells the {@link RedoLog} each change made to it: the key and the value it now
 * has, or that the key is gone. Every change of an MVMap goes through {@link #operate} (put,
 * putIfAbsent, remove, replace) or {@link #clear}; the maps mongo-java-server uses are all opened as
 * this one ({@link DiwanH2Database}, {@link RedoLog#open}).
 */
final class LoggedMap<K, V> extends MVMap<K, V> {

    private final RedoLog log;

    private LoggedMap(Map<String, Object> config, DataType<K> keyType, DataType<V> valueType, RedoLog log) {
        super(config, keyType, valueType);
        this.log = log;
    }

    /** Opens maps as {@link LoggedMap}s of {@code log}, with MVStore's default types ({@link KeyOrder}: its order, faster). */
    static <K, V> MVMap.Builder<K, V> builder(RedoLog log) {
        MVMap.Builder<K, V> builder = new MVMap.Builder<>() {
            @Override
            protected MVMap<K, V> create(Map<String, Object> config) {
                log.mapOpened();
                return new LoggedMap<>(config, getKeyType(), getValueType(), log);
            }
        };
        return builder.keyType(new KeyOrder());
    }

    @Override
    public V operate(K key, V value, DecisionMaker<? super V> decisionMaker) {
        Recorded<V> recorded = new Recorded<>(decisionMaker);
        V previous = super.operate(key, value, recorded);
        switch (recorded.decision) {
            case PUT -> log.put(this, key, recorded.selected);
            case REMOVE -> log.remove(this, key);
            default -> { }
        }
        return previous;
    }

    @Override
    public void clear() {
        super.clear();
        log.clear(this);
    }

    /** Single-writer appends bypass {@link #operate}: mongo-java-server does not use them. */
    @Override
    public void append(K key, V value) {
        throw new UnsupportedOperationException("append is not logged");
    }

    @Override
    public void trimLast() {
        throw new UnsupportedOperationException("trimLast is not logged");
    }

    /** Passes the decisions on, and remembers the last one and the value it stored. */
    private static final class Recorded<V> extends DecisionMaker<V> {
        private final DecisionMaker<? super V> inner;
        private Decision decision = Decision.ABORT;
        private V selected;

        Recorded(DecisionMaker<? super V> inner) {
            this.inner = inner;
        }

        @Override
        public Decision decide(V existingValue, V providedValue, CursorPos<?, ?> tip) {
            decision = inner.decide(existingValue, providedValue, tip);
            return decision;
        }

        @Override
        public Decision decide(V existingValue, V providedValue) {
            decision = inner.decide(existingValue, providedValue);
            return decision;
        }

        @Override
        public <T extends V> T selectValue(T existingValue, T providedValue) {
            T value = inner.selectValue(existingValue, providedValue);
            selected = value;
            return value;
        }

        @Override
        public void reset() {
            inner.reset();
            decision = Decision.ABORT;
            selected = null;
        }
    }
}
