package dev.khabar.enrich.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextualDatesTest {
  private static final Instant JULY_21 = Instant.parse("2024-07-21T00:00:00Z");

  @Test
  void arabicIndicDigitsWithEgyptianMonth() {
    assertEquals(JULY_21, TextualDates.find("البصرة، ٢١ يوليو ٢٠٢٤"));
  }

  @Test
  void levantineMonth() {
    assertEquals(JULY_21, TextualDates.find("الأحد 21 تموز 2024"));
  }

  @Test
  void twoWordLevantineMonth() {
    assertEquals(Instant.parse("2024-01-21T00:00:00Z"), TextualDates.find("21 كانون الثاني 2024"));
  }

  @Test
  void hamzaSpellingOfMonth() {
    assertEquals(Instant.parse("2024-04-03T00:00:00Z"), TextualDates.find("٣ أبريل ٢٠٢٤"));
  }

  @Test
  void persianDigits() {
    assertEquals(JULY_21, TextualDates.find("۲۱ يوليو ۲۰۲۴"));
  }

  @Test
  void englishMonthFirst() {
    assertEquals(JULY_21, TextualDates.find("Published July 21, 2024 at 9:15"));
  }

  @Test
  void noDate() {
    assertNull(TextualDates.find("قال 21 مسؤولا في 2024"));
  }
}
