package dev.khabar.ingest.seen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LongSetTest {
  @Test
  void growsAndKeepsEveryValue() {
    LongSet set = new LongSet();
    for (long i = -50_000; i < 50_000; i++) {
      assertTrue(set.add(i * 7919));
    }
    assertEquals(100_000, set.size());
    assertTrue(set.contains(-50_000L * 7919));
    assertTrue(set.contains(0));
    assertFalse(set.contains(3));
    assertFalse(set.add(7919));
  }

  @Test
  void claimedUrlIsNotClaimedTwiceUntilReleased() {
    SeenUrls seen = new SeenUrls();
    assertTrue(seen.claim("https://example.org/a"));
    assertFalse(seen.claim("https://example.org/a"));
    seen.release("https://example.org/a");
    assertTrue(seen.claim("https://example.org/a"));
    seen.markPublished("https://example.org/a");
    seen.release("https://example.org/a");
    assertFalse(seen.claim("https://example.org/a"));
  }
}
