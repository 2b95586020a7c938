package dev.khabar.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefetchesTest {
  private static final String URL = "https://news.example.org/ar/1.html";

  @Test
  void reFetchesAreSpreadEvenlyOverTheWindow() {
    assertEquals(
        List.of(Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(6)),
        new Refetches(3, Duration.ofHours(6)).delays());
  }

  @Test
  void offByDefaultMeansNoReFetch() {
    assertEquals(List.of(), new Refetches(0, Duration.ZERO).delays());
  }

  @Test
  void aPageIsChangedOnlyWhenItsTextDiffersFromTheLastPublished() {
    Refetches refetches = new Refetches(3, Duration.ofHours(6));
    refetches.published(URL, "<p>خبر</p>");

    assertFalse(refetches.changed(URL, "<p>خبر</p>"));
    assertTrue(refetches.changed(URL, "<p>خبر مصحح</p>"));
    assertFalse(refetches.changed(URL, "<p>خبر مصحح</p>"));
  }

  @Test
  void aUrlIsForgottenAfterItsLastReFetch() {
    Refetches refetches = new Refetches(1, Duration.ofHours(1));
    refetches.published(URL, "<p>خبر</p>");

    assertFalse(refetches.changed(URL, "<p>خبر</p>"));
    assertTrue(refetches.changed(URL, "<p>خبر</p>"), "unknown again, so taken as changed");
  }

  @Test
  void aUrlIsForgottenAfterItsLastReFetchEvenWhenSkipped() {
    Refetches refetches = new Refetches(2, Duration.ofHours(1));
    refetches.published(URL, "<p>خبر</p>");

    refetches.skipped(URL);
    assertFalse(refetches.changed(URL, "<p>خبر</p>"));
    assertTrue(refetches.changed(URL, "<p>خبر</p>"), "unknown again, so taken as changed");
  }

  @Test
  void aResumedUrlHasTheReFetchesLeftAndComparesWithTheTextItWasGiven() {
    Refetches refetches = new Refetches(3, Duration.ofHours(6));
    refetches.resume(URL, Refetches.hash("<p>خبر</p>"), 2);

    assertFalse(refetches.changed(URL, "<p>خبر</p>"));
    assertTrue(refetches.textHash(URL).isEmpty(), "its last re-fetch was made");
  }

  @Test
  void aUrlWithNoReFetchLeftIsNotResumed() {
    Refetches refetches = new Refetches(2, Duration.ofHours(6));
    refetches.resume(URL, 7, 2);

    assertTrue(refetches.textHash(URL).isEmpty());
  }

  @Test
  void theSecondOfThreeReFetchesIsDueTwoThirdsIntoTheWindow() {
    Refetches refetches = new Refetches(3, Duration.ofHours(6));

    assertEquals(Duration.ofHours(4), refetches.delay(2));
  }

  @Test
  void refusesANegativeCountAndAnEmptyWindow() {
    assertThrows(IllegalArgumentException.class, () -> new Refetches(-1, Duration.ofHours(1)));
    assertThrows(IllegalArgumentException.class, () -> new Refetches(2, Duration.ZERO));
  }
}
