package dev.khabar.enrich.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateParserTest {
  @Test
  void isoWithOffset() {
    assertEquals(
        Instant.parse("2024-12-11T10:12:05Z"), DateParser.parse("2024-12-11T13:42:05+03:30"));
  }

  @Test
  void spaceInsteadOfT() {
    assertEquals(Instant.parse("2024-12-11T13:42:05Z"), DateParser.parse("2024-12-11 13:42:05"));
  }

  @Test
  void offsetWithoutColon() {
    assertEquals(
        Instant.parse("2024-07-21T06:15:00Z"), DateParser.parse("2024-07-21T09:15:00+0300"));
  }

  @Test
  void dateOnlyIsMidnightUtc() {
    assertEquals(Instant.parse("2024-07-21T00:00:00Z"), DateParser.parse("2024-07-21"));
  }

  @Test
  void rfc1123() {
    assertEquals(
        Instant.parse("2024-07-21T09:15:00Z"), DateParser.parse("Sun, 21 Jul 2024 09:15:00 GMT"));
  }

  @Test
  void placeholderYearIsNoDate() {
    assertNull(DateParser.parse("0001-01-01T00:00:00Z"));
  }

  @Test
  void hourOnlyOffset() {
    assertEquals(Instant.parse("2024-07-21T04:15:00Z"), DateParser.parse("2024-07-21T09:15:00+05"));
  }

  @Test
  void zuluOffset() {
    assertEquals(Instant.parse("2024-07-21T09:15:00Z"), DateParser.parse("2024-07-21T09:15:00Z"));
  }

  @Test
  void offsetWithoutColonAfterFraction() {
    assertEquals(
        Instant.parse("2024-07-21T04:15:00Z"), DateParser.parse("2024-07-21T09:15:00.000+0500"));
  }

  @Test
  void spaceBeforeOffset() {
    assertEquals(
        Instant.parse("2024-07-21T04:15:00Z"), DateParser.parse("2024-07-21 09:15:00 +0500"));
  }

  @Test
  void isoDateFoundInsideText() {
    assertEquals(
        Instant.parse("2024-07-21T06:15:00Z"),
        DateParser.findIso("Aktualisiert am 2024-07-21T09:15:00+03:00 von der Redaktion"));
  }

  @Test
  void noIsoDateInsideTextOfOtherNumbers() {
    assertNull(DateParser.findIso("Tel. 0300-1234-5678, Zimmer 12-04"));
  }
}
