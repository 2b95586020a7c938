package dev.khabar.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MentionFinderTest {

  @Test
  void aDefiniteEpithetIsNoGivenName() {
    assertFalse(MentionFinder.mayBeGivenName("الأول"));
  }

  @Test
  void anIndefiniteNameIsAGivenName() {
    assertTrue(MentionFinder.mayBeGivenName("أسد"));
  }
}
