package tn.diwan.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;

/**
 * Durability of the H2 file through a redo log (write-ahead): a write command's changes (each key of
 * each map and the value it now has, or that it is gone: {@link LoggedMap}) are appended to
 * {@code <data file>.redo} as one record, and the log is forced to the disk before the reply. The
 * MVStore itself is committed about once a second ({@link #seal} with checkpoint), which records the
 * last command it holds; the log is then emptied.
 * <p>
 * Why: an MVStore commit rewrites every page a write touched, whole (a leaf holds dozens of
 * documents or index keys, each serialised again), so a commit per write cost about 2 ms of CPU;
 * a record holds only what changed.
 * <p>
 * At start the records after the store's last command are applied again, in order (they set values,
 * so applying one twice does no harm); a torn record at the end (a crash while it was written) was
 * never acknowledged and is dropped. A command that creates or drops a map, or changes outside a
 * command, can't be replayed from records: they make the next seal a checkpoint.
 */
final class RedoLog implements Durability {

    static final String SUFFIX = ".redo";
    /** The map in the store that holds {@link #LAST_COMMAND}. */
    private static final String STATE_MAP = "diwan.redo";
    private static final String LAST_COMMAND = "lastCommand";
    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    private static final byte CLEAR = 3;
    /** length, command number, crc */
    private static final int HEADER = Integer.BYTES + Long.BYTES;
    /** A log longer than this makes the next seal a checkpoint. */
    private static final long MAX_LOG_BYTES = 64L << 20;
    private static final Runnable NOTHING = () -> { };
    private static final Map<MVStore, RedoLog> OPEN = new ConcurrentHashMap<>();

    private final MVStore store;
    private final MVMap<String, Long> state;
    private final FileChannel channel;
    private final long lastCommand;
    /** The running command's changes (guarded by the write lock, as are the fields below). */
    private final WriteBuffer command = new WriteBuffer(4096);
    /** Records sealed by commands, not yet written to the log. */
    private final WriteBuffer pending = new WriteBuffer(64 * 1024);
    private boolean recording;
    private boolean changedSinceCheckpoint;
    private long logBytes;
    /** Set when only a checkpoint can make the changes so far durable (also by a failed log write). */
    private volatile boolean checkpointNeeded;

    private RedoLog(MVStore store, FileChannel channel) {
        this.store = store;
        this.channel = channel;
        this.state = store.openMap(STATE_MAP);
        this.lastCommand = replay();
        checkpointNeeded = false; // the replay ended with one
    }

    /**
     * Opens the redo log of {@code store} (a file beside it), applies what it holds after the store's
     * last command, checkpoints, and opens every map of the store as a {@link LoggedMap}.
     */
    static RedoLog open(MVStore store, Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        RedoLog log = new RedoLog(store, channel);
        OPEN.put(store, log);
        for (String name : store.getMapNames()) {
            if (!name.equals(STATE_MAP)) {
                store.openMap(name, LoggedMap.builder(log));
            }
        }
        log.checkpointNeeded = false; // maps that exist in the store, as it is on disk
        return log;
    }

    /** The redo log of an open store. */
    static RedoLog of(MVStore store) {
        RedoLog log = OPEN.get(store);
        if (log == null) {
            throw new IllegalStateException("the store has no redo log open");
        }
        return log;
    }

    @Override
    public long lastCommand() {
        return lastCommand;
    }

    @Override
    public void beforeCommand() {
        if (recording) {
            checkpointNeeded = true; // the last command ended in an Error: what it changed was not sealed
        }
        recording = true;
        command.clear();
    }

    @Override
    public void afterCommand(long number, boolean schemaChange) {
        recording = false;
        if (schemaChange) {
            checkpointNeeded = true;
        }
        if (checkpointNeeded || command.position() == 0) {
            return;
        }
        ByteBuffer payload = command.getBuffer().flip();
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, number));
        crc.update(payload.duplicate());
        pending.putInt(payload.remaining()).putLong(number).put(payload).putInt((int) crc.getValue());
        changedSinceCheckpoint = true;
    }

    @Override
    public Runnable seal(long upTo, boolean checkpoint) {
        if (checkpoint || checkpointNeeded || logBytes > MAX_LOG_BYTES) {
            if (!changedSinceCheckpoint && !checkpointNeeded) {
                return NOTHING;
            }
            state.put(LAST_COMMAND, upTo);
            if (store.getFileStore() instanceof MaintainedFileStore file) {
                file.housekeeping();
            }
            store.commit();
            pending.clear();
            changedSinceCheckpoint = false;
            checkpointNeeded = false;
            logBytes = 0;
            return this::syncAndEmpty;
        }
        if (pending.position() == 0) {
            return NOTHING;
        }
        ByteBuffer records = pending.getBuffer().flip();
        ByteBuffer copy = ByteBuffer.allocate(records.remaining()).put(records).flip();
        pending.clear();
        logBytes += copy.remaining();
        return () -> append(copy);
    }

    /** Closes the log (after a last checkpoint, see {@link SerializedWrites#checkpoint}). */
    void close() throws IOException {
        OPEN.remove(store);
        channel.close();
    }

    void mapOpened() {
        // a map created by a command is not in the store yet: records could not name it after a crash
        checkpointNeeded = true;
    }

    void put(MVMap<?, ?> map, Object key, Object value) {
        if (begin(PUT, map, key)) {
            map.getValueType().write(command, cast(value));
        }
    }

    void remove(MVMap<?, ?> map, Object key) {
        begin(REMOVE, map, key);
    }

    void clear(MVMap<?, ?> map) {
        if (recording) {
            command.put(CLEAR).putVarInt(map.getId());
        } else {
            checkpointNeeded = true;
        }
    }

    private boolean begin(byte op, MVMap<?, ?> map, Object key) {
        if (!recording) {
            checkpointNeeded = true; // a change outside a command (during replay, or by the backend itself)
            return false;
        }
        command.put(op).putVarInt(map.getId());
        map.getKeyType().write(command, cast(key));
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private void append(ByteBuffer records) {
        try {
            while (records.hasRemaining()) {
                channel.write(records);
            }
            channel.force(false);
        } catch (IOException e) {
            checkpointNeeded = true; // the log may now hold a part: only a checkpoint is sure
            throw new UncheckedIOException("redo log write failed", e);
        }
    }

    private void syncAndEmpty() {
        try {
            store.sync();
            channel.truncate(0);
            channel.position(0);
            channel.force(false);
        } catch (IOException e) {
            checkpointNeeded = true;
            throw new UncheckedIOException("redo log checkpoint failed", e);
        }
    }

    /** Applies the records after the store's last command, checkpoints; returns the last command. */
    private long replay() {
        long last = state.getOrDefault(LAST_COMMAND, 0L);
        long applied = 0;
        try {
            ByteBuffer log = ByteBuffer.allocate(Math.toIntExact(channel.size()));
            while (log.hasRemaining() && channel.read(log, log.position()) > 0) {
                // read until full
            }
            log.flip();
            while (log.remaining() >= HEADER) {
                int length = log.getInt();
                long number = log.getLong();
                if (length < 0 || log.remaining() < length + Integer.BYTES) {
                    break; // torn at the end: never acknowledged
                }
                ByteBuffer payload = log.slice(log.position(), length);
                log.position(log.position() + length);
                CRC32C crc = new CRC32C();
                crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, number));
                crc.update(payload.duplicate());
                if (log.getInt() != (int) crc.getValue()) {
                    break;
                }
                if (number > last) {
                    apply(payload);
                    last = number;
                    applied++;
                }
            }
            state.put(LAST_COMMAND, last);
            store.commit();
            store.sync();
            channel.truncate(0);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("redo log replay failed", e);
        }
        if (applied > 0) {
            System.err.println("redo log: " + applied + " commands applied again after an unclean stop");
        }
        return last;
    }

    private void apply(ByteBuffer payload) {
        while (payload.hasRemaining()) {
            byte op = payload.get();
            MVMap<Object, Object> map = store.openMap(DataUtils.readVarInt(payload), LoggedMap.builder(this));
            if (op == CLEAR) {
                map.clear();
                continue;
            }
            Object key = map.getKeyType().read(payload);
            if (op == PUT) {
                map.put(key, map.getValueType().read(payload));
            } else {
                map.remove(key);
            }
        }
    }
}
