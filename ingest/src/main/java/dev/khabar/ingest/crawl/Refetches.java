package dev.khabar.ingest.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Optional re-fetches of published articles, to catch corrections and updates: {@code count} times,
 * evenly spread over {@code window} after the first fetch (off when count is 0, the default). A
 * re-fetched page is published again only when its text changed. The schedule lives in memory; the
 * crawl keeps each article's {@link RefetchPlan} in Kafka too, so that whoever crawls its site next
 * carries it on ({@link #resume}). Thread-safe.
 */
public final class Refetches {
  private final int count;
  private final Duration window;

  /** Hash of the last published text and the re-fetches still due, per URL. */
  private final Map<String, int[]> due = new ConcurrentHashMap<>();

  public Refetches(int count, Duration window) {
    if (count < 0) {
      throw new IllegalArgumentException("re-fetch count must not be negative, was " + count);
    }
    if (count > 0 && (window.isNegative() || window.isZero())) {
      throw new IllegalArgumentException("re-fetch window must be positive, was " + window);
    }
    this.count = count;
    this.window = window;
  }

  /** How many times each article is re-fetched; 0 when off. */
  public int count() {
    return count;
  }

  /** The delay after the first fetch of re-fetch {@code index}, 1 to {@link #count()}. */
  Duration delay(int index) {
    return window.multipliedBy(index).dividedBy(count);
  }

  /** The hash a page's text is compared by. */
  static int hash(String text) {
    return text.hashCode();
  }

  /** Carries on a URL whose {@code made} re-fetches were made elsewhere; text hash as last seen. */
  void resume(String url, int textHash, int made) {
    if (count - made > 0) {
      due.put(url, new int[] {textHash, count - made});
    }
  }

  /** The hash of the text last published under the URL, while re-fetches of it are due. */
  OptionalInt textHash(String url) {
    int[] state = due.get(url);
    if (state == null) {
      return OptionalInt.empty();
    }
    synchronized (state) {
      return OptionalInt.of(state[0]);
    }
  }

  /** The delays after the first fetch at which to re-fetch a URL; empty when off. */
  List<Duration> delays() {
    List<Duration> delays = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      delays.add(window.multipliedBy(i).dividedBy(count));
    }
    return delays;
  }

  void published(String url, String text) {
    if (count > 0) {
      due.put(url, new int[] {hash(text), count});
    }
  }

  /**
   * Counts a re-fetch not made (its site is crawled elsewhere now); forgets the URL after the last.
   */
  void skipped(String url) {
    int[] state = due.get(url);
    if (state != null) {
      synchronized (state) {
        if (--state[1] <= 0) {
          due.remove(url);
        }
      }
    }
  }

  /**
   * Whether a re-fetched page's text differs from the last published; forgets the URL after its
   * last re-fetch.
   */
  boolean changed(String url, String text) {
    int hash = hash(text);
    int[] state = due.get(url);
    if (state == null) {
      return true;
    }
    synchronized (state) {
      boolean changed = state[0] != hash;
      state[0] = hash;
      if (--state[1] <= 0) {
        due.remove(url);
      }
      return changed;
    }
  }
}
