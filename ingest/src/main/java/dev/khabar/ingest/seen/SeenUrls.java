package dev.khabar.ingest.seen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;

/**
 * The canonical URLs already published, or being fetched now. The durable copy is the compacted
 * topic {@code khabar.ingest.seen} (key = canonical URL), written in the same transaction as each
 * page; the whole topic is read back, committed records only, and followed while the service runs
 * ({@code TopicTail}), into a 64-bit fingerprint set (a collision, about 1 in 3·10^6 at ten million
 * URLs, would skip one article). Thread-safe.
 */
public final class SeenUrls {
  private final LongSet published = new LongSet();
  // Few at a time (the fetch queue), so a plain set: claims are released when a fetch fails.
  private final Set<Long> inFlight = new HashSet<>();

  /** True when the URL was neither published nor claimed before; claims it. */
  public synchronized boolean claim(String canonicalUrl) {
    long fingerprint = fingerprint(canonicalUrl);
    if (published.contains(fingerprint) || inFlight.contains(fingerprint)) {
      return false;
    }
    inFlight.add(fingerprint);
    return true;
  }

  /** Records a URL as published (after its transaction committed, or while rebuilding). */
  public synchronized void markPublished(String canonicalUrl) {
    long fingerprint = fingerprint(canonicalUrl);
    published.add(fingerprint);
    inFlight.remove(fingerprint);
  }

  /** Gives up a claim without publishing, so a later poll of its source can try the URL again. */
  public synchronized void release(String canonicalUrl) {
    inFlight.remove(fingerprint(canonicalUrl));
  }

  public synchronized int publishedCount() {
    return published.size();
  }

  static long fingerprint(String canonicalUrl) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
