package org.ndlp.identifiers.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compact map from handle to redirect href, for every plain redirect a node serves (ADR
 * 0030). Entries are UTF-8 bytes appended to 1 MiB chunks ({@code [u16 length]
 * [handle][u16 length][href]}); an open-addressing table of longs (20 bits of the hash,
 * 44 bits of the entry's address) finds them. About 70 bytes per identifier instead of
 * about 190 for a {@code HashMap<String, String>}, and no objects for the collector to
 * trace.
 * <p>
 * One writer at a time (methods that change are {@code synchronized}); readers take no
 * lock: an entry's bytes are written before the slot that points at them is published
 * with release semantics, chunks are never overwritten, and the table and chunk list a
 * reader uses are read once from a volatile field, so a reader sees either the old or the
 * new answer, never a torn one.
 */
public final class RedirectTable {

	private static final int CHUNK_BITS = 20;

	private static final int CHUNK = 1 << CHUNK_BITS;

	private static final long ADDRESS_MASK = (1L << 44) - 1;

	private static final long EMPTY = 0;

	private static final long DELETED = -1;

	private static final int MAX_BYTES = 65_535;

	private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

	private volatile State state;

	private int size;

	/** Slots that are neither empty nor deleted, plus deleted ones (probe chains). */
	private int used;

	private long liveBytes;

	private long garbageBytes;

	// next free byte in the last chunk
	private int position;

	// garbage (bytes of replaced or removed entries) that makes a put compact the chunks
	private final long compactAbove;

	public RedirectTable() {
		this(64L * CHUNK);
	}

	RedirectTable(long compactAbove) {
		this.compactAbove = compactAbove;
		this.state = new State(new long[1024], new byte[][] { new byte[CHUNK] });
		// address 0 means empty: the first entry starts at byte 1
		this.position = 1;
	}

	private record State(long[] slots, byte[][] chunks) {
	}

	/** The href of this handle's plain redirect, or null. */
	public String get(String handle) {
		byte[] key = handle.getBytes(StandardCharsets.UTF_8);
		long hash = hash(key);
		long tag = hash >>> 44;
		while (true) {
			State s = this.state;
			long[] slots = s.slots;
			int mask = slots.length - 1;
			boolean swapped = false;
			for (int i = (int) hash & mask;; i = (i + 1) & mask) {
				long slot = (long) SLOTS.getAcquire(slots, i);
				if (slot == EMPTY) {
					return null;
				}
				if (slot != DELETED && (slot >>> 44) == tag) {
					// chunks may have been added since the state was read (same table:
					// the
					// list only grows); a new table (grown or compacted) means look again
					State now = this.state;
					if (now.slots != slots) {
						swapped = true;
						break;
					}
					long address = slot & ADDRESS_MASK;
					if (keyEquals(now.chunks, address, key)) {
						return value(now.chunks, address, key.length);
					}
				}
			}
			if (!swapped) {
				return null;
			}
		}
	}

	/** Sets this handle's href (adds or replaces). */
	public synchronized void put(String handle, String href) {
		byte[] key = handle.getBytes(StandardCharsets.UTF_8);
		byte[] value = href.getBytes(StandardCharsets.UTF_8);
		if (key.length > MAX_BYTES || value.length > MAX_BYTES) {
			throw new IllegalArgumentException("handle or href longer than " + MAX_BYTES + " bytes");
		}
		long hash = hash(key);
		int found = find(key, hash);
		if (found >= 0) {
			long old = this.state.slots[found] & ADDRESS_MASK;
			if (value(this.state.chunks, old, key.length).equals(href)) {
				return;
			}
			int replaced = entryBytes(key.length, valueLength(this.state.chunks, old, key.length));
			this.garbageBytes += replaced;
			this.liveBytes -= replaced;
		}
		long address = append(key, value);
		this.liveBytes += entryBytes(key.length, value.length);
		long slot = ((hash >>> 44) << 44) | address;
		if (found >= 0) {
			SLOTS.setRelease(this.state.slots, found, slot);
		}
		else {
			insert(this.state.slots, hash, slot);
			this.size++;
			this.used++;
			if (this.used * 10L > this.state.slots.length * 6L) {
				rebuild(false);
			}
		}
		if (this.garbageBytes > this.compactAbove && this.garbageBytes > this.liveBytes) {
			rebuild(true);
		}
	}

	/** Removes this handle (no plain redirect any more). */
	public synchronized void remove(String handle) {
		byte[] key = handle.getBytes(StandardCharsets.UTF_8);
		int found = find(key, hash(key));
		if (found < 0) {
			return;
		}
		long address = this.state.slots[found] & ADDRESS_MASK;
		int bytes = entryBytes(key.length, valueLength(this.state.chunks, address, key.length));
		this.garbageBytes += bytes;
		this.liveBytes -= bytes;
		SLOTS.setRelease(this.state.slots, found, DELETED);
		this.size--;
		if (this.garbageBytes > this.compactAbove && this.garbageBytes > this.liveBytes) {
			rebuild(true);
		}
	}

	public synchronized int size() {
		return this.size;
	}

	/** Bytes held: chunks and table. */
	public synchronized long memoryBytes() {
		State s = this.state;
		return (long) s.chunks.length * CHUNK + (long) s.slots.length * Long.BYTES;
	}

	private int find(byte[] key, long hash) {
		State s = this.state;
		long[] slots = s.slots;
		int mask = slots.length - 1;
		long tag = hash >>> 44;
		for (int i = (int) hash & mask;; i = (i + 1) & mask) {
			long slot = slots[i];
			if (slot == EMPTY) {
				return -1;
			}
			if (slot != DELETED && (slot >>> 44) == tag && keyEquals(s.chunks, slot & ADDRESS_MASK, key)) {
				return i;
			}
		}
	}

	private static void insert(long[] slots, long hash, long slot) {
		int mask = slots.length - 1;
		int i = (int) hash & mask;
		while (true) {
			long current = slots[i];
			if (current == EMPTY || current == DELETED) {
				SLOTS.setRelease(slots, i, slot);
				return;
			}
			i = (i + 1) & mask;
		}
	}

	/** Appends an entry; returns its address. */
	private long append(byte[] key, byte[] value) {
		int length = entryBytes(key.length, value.length);
		State s = this.state;
		if (this.position + length > CHUNK) {
			byte[][] chunks = Arrays.copyOf(s.chunks, s.chunks.length + 1);
			chunks[chunks.length - 1] = new byte[CHUNK];
			s = new State(s.slots, chunks);
			this.state = s;
			this.position = 0;
		}
		int chunk = s.chunks.length - 1;
		byte[] bytes = s.chunks[chunk];
		int at = this.position;
		bytes[at] = (byte) (key.length >>> 8);
		bytes[at + 1] = (byte) key.length;
		System.arraycopy(key, 0, bytes, at + 2, key.length);
		int v = at + 2 + key.length;
		bytes[v] = (byte) (value.length >>> 8);
		bytes[v + 1] = (byte) value.length;
		System.arraycopy(value, 0, bytes, v + 2, value.length);
		this.position += length;
		return ((long) chunk << CHUNK_BITS) + at;
	}

	/**
	 * A new table, twice as large when growing, the same size when dropping deleted
	 * slots; when compacting, also new chunks holding live entries only (built apart and
	 * published with the table in one volatile write).
	 */
	private void rebuild(boolean compact) {
		State old = this.state;
		if (compact) {
			RedirectTable fresh = new RedirectTable(this.compactAbove);
			for (long slot : old.slots) {
				if (slot != EMPTY && slot != DELETED) {
					long address = slot & ADDRESS_MASK;
					byte[] key = key(old.chunks, address);
					fresh.put(new String(key, StandardCharsets.UTF_8), value(old.chunks, address, key.length));
				}
			}
			this.position = fresh.position;
			this.size = fresh.size;
			this.used = fresh.used;
			this.liveBytes = fresh.liveBytes;
			this.garbageBytes = 0;
			this.state = fresh.state;
			return;
		}
		int capacity = old.slots.length;
		while (this.size * 10L > capacity * 5L) {
			capacity *= 2;
		}
		long[] slots = new long[capacity];
		for (long slot : old.slots) {
			if (slot != EMPTY && slot != DELETED) {
				insert(slots, hash(key(old.chunks, slot & ADDRESS_MASK)), slot);
			}
		}
		this.used = this.size;
		this.state = new State(slots, old.chunks);
	}

	private static int entryBytes(int keyLength, int valueLength) {
		return 4 + keyLength + valueLength;
	}

	private static byte[] key(byte[][] chunks, long address) {
		byte[] chunk = chunks[(int) (address >>> CHUNK_BITS)];
		int at = (int) (address & (CHUNK - 1));
		int length = ((chunk[at] & 0xff) << 8) | (chunk[at + 1] & 0xff);
		return Arrays.copyOfRange(chunk, at + 2, at + 2 + length);
	}

	private static boolean keyEquals(byte[][] chunks, long address, byte[] key) {
		byte[] chunk = chunks[(int) (address >>> CHUNK_BITS)];
		int at = (int) (address & (CHUNK - 1));
		int length = ((chunk[at] & 0xff) << 8) | (chunk[at + 1] & 0xff);
		return length == key.length && Arrays.equals(chunk, at + 2, at + 2 + length, key, 0, key.length);
	}

	private static int valueLength(byte[][] chunks, long address, int keyLength) {
		byte[] chunk = chunks[(int) (address >>> CHUNK_BITS)];
		int at = (int) (address & (CHUNK - 1)) + 2 + keyLength;
		return ((chunk[at] & 0xff) << 8) | (chunk[at + 1] & 0xff);
	}

	private static String value(byte[][] chunks, long address, int keyLength) {
		byte[] chunk = chunks[(int) (address >>> CHUNK_BITS)];
		int at = (int) (address & (CHUNK - 1)) + 2 + keyLength;
		int length = ((chunk[at] & 0xff) << 8) | (chunk[at + 1] & 0xff);
		return new String(chunk, at + 2, length, StandardCharsets.UTF_8);
	}

	/** 64-bit FNV-1a, then a murmur finalizer so that low and high bits both mix. */
	private static long hash(byte[] key) {
		long h = 0xcbf29ce484222325L;
		for (byte b : key) {
			h = (h ^ (b & 0xff)) * 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		// a slot is never EMPTY (address 0 is never used) nor DELETED (no address is all
		// ones)
		return h ^ (h >>> 33);
	}

}
