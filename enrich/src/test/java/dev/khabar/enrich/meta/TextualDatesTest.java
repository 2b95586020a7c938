package dev.khabar.enrich.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @ParameterizedTest(name = "{0} is month {1}")
  @CsvSource({
    "كانون الثاني, 1",
    "شباط, 2",
    "آذار, 3",
    "نيسان, 4",
    "أيار, 5",
    "حزيران, 6",
    "تموز, 7",
    "آب, 8",
    "أيلول, 9",
    "تشرين الأول, 10",
    "تشرين الثاني, 11",
    "كانون الأول, 12"
  })
  void everyLevantineMonth(String name, int month) {
    assertEquals(
        Instant.parse(String.format("2024-%02d-05T00:00:00Z", month)),
        TextualDates.find("دمشق، الخميس 5 " + name + " 2024"));
  }

  @Test
  void pairedLevantineAndEgyptianNames() {
    assertEquals(
        Instant.parse("2024-08-15T00:00:00Z"), TextualDates.find("الخميس ١٥ آب/أغسطس ٢٠٢٤"));
  }

  @Test
  void pairedTwoWordName() {
    assertEquals(
        Instant.parse("2024-10-07T00:00:00Z"), TextualDates.find("7 تشرين الأول/أكتوبر 2024"));
  }

  @Test
  void pairedNameWithSpacesAroundTheSlash() {
    assertEquals(Instant.parse("2024-08-15T00:00:00Z"), TextualDates.find("15 أغسطس / آب 2024"));
  }

  @Test
  void maghrebiMonth() {
    assertEquals(JULY_21, TextualDates.find("21 جويلية 2024"));
  }

  @Test
  void urduMonth() {
    assertEquals(Instant.parse("2024-05-03T00:00:00Z"), TextualDates.find("جمعہ 3 مئی 2024"));
  }

  @Test
  void solarHijriInPersianDigits() {
    assertEquals(
        Instant.parse("2024-05-03T00:00:00Z"), TextualDates.find("جمعه ۱۴ اردیبهشت ۱۴۰۳ - ۱۰:۳۰"));
  }

  @Test
  void solarHijriInArabicIndicDigits() {
    assertEquals(Instant.parse("2024-03-20T00:00:00Z"), TextualDates.find("١ فروردین ١٤٠٣"));
  }

  @Test
  void lunarHijri() {
    assertEquals(Instant.parse("2024-03-25T00:00:00Z"), TextualDates.find("١٥ رمضان ١٤٤٥ هـ"));
  }

  @Test
  void gregorianPreferredToHijriBesideIt() {
    assertEquals(
        Instant.parse("2024-03-25T00:00:00Z"),
        TextualDates.find("الاثنين 15 رمضان 1445 هـ الموافق 25 مارس 2024 م"));
  }

  @Test
  void solarHijriMonthWithGregorianYearIsNoDate() {
    assertNull(TextualDates.find("۱۰ دی ۲۰۲۴"));
  }

  @Test
  void dayPastTheEndOfASolarHijriMonthIsNoDate() {
    assertNull(TextualDates.find("۳۱ اسفند ۱۴۰۲"));
  }
}
