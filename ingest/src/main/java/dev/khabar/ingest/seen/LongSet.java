package dev.khabar.ingest.seen;

import java.util.Arrays;

/**
 * An open-addressing set of non-zero longs: 8 to 16 bytes per entry where a {@code HashSet<Long>}
 * takes about 50, so ten million URL fingerprints fit in ~160 MB. Not thread-safe.
 */
final class LongSet {
  private long[] slots = new long[1 << 12];
  private int size;

  boolean add(long value) {
    long key = value == 0 ? 1 : value; // 0 marks an empty slot
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == 0) {
        slots[i] = key;
        size++;
        return true;
      }
      if (slots[i] == key) {
        return false;
      }
    }
  }

  boolean contains(long value) {
    long key = value == 0 ? 1 : value;
    int mask = slots.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == 0) {
        return false;
      }
      if (slots[i] == key) {
        return true;
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    Arrays.stream(old).filter(v -> v != 0).forEach(this::add);
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
