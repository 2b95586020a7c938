package dev.khabar.enrich.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.khabar.enrich.meta.NumericDates.Order;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NumericDatesTest {
  private static final Instant APRIL_24 = Instant.parse("2020-04-24T00:00:00Z");

  @Test
  void dayFirstWithDashes() {
    assertEquals(APRIL_24, NumericDates.find("24-04-2020", Order.UNKNOWN, false));
  }

  @Test
  void dayFirstWithSlashes() {
    assertEquals(APRIL_24, NumericDates.find("Updated 24/04/2020 10:15", Order.UNKNOWN, false));
  }

  @Test
  void dayFirstWithDotsAndArabicIndicDigits() {
    assertEquals(APRIL_24, NumericDates.find("بغداد ٢٤.٠٤.٢٠٢٠", Order.UNKNOWN, false));
  }

  @Test
  void monthFirstWhenTheSecondNumberIsADay() {
    assertEquals(APRIL_24, NumericDates.find("4/24/2020", Order.UNKNOWN, false));
  }

  @Test
  void ambiguousDateFollowsThePageOrder() {
    assertEquals(
        Instant.parse("2020-05-04T00:00:00Z"),
        NumericDates.find("04/05/2020", Order.DAY_MONTH, false));
    assertEquals(
        Instant.parse("2020-04-05T00:00:00Z"),
        NumericDates.find("04/05/2020", Order.MONTH_DAY, false));
  }

  @Test
  void ambiguousDateWithoutEvidenceIsNoDate() {
    assertNull(NumericDates.find("04/05/2020", Order.UNKNOWN, false));
  }

  @Test
  void dotsAreAlwaysDayFirst() {
    assertEquals(
        Instant.parse("2020-05-04T00:00:00Z"),
        NumericDates.find("04.05.2020", Order.MONTH_DAY, false));
  }

  @Test
  void yearFirstWithSlashes() {
    assertEquals(APRIL_24, NumericDates.find("2020/04/24", Order.UNKNOWN, false));
  }

  @Test
  void solarHijriYearFirstOnAPersianPage() {
    assertEquals(
        Instant.parse("2024-05-03T00:00:00Z"),
        NumericDates.find("تاریخ انتشار: ۱۴۰۳/۰۲/۱۴ - ۱۰:۳۰", Order.UNKNOWN, true));
  }

  @Test
  void versionNumbersAndPhoneNumbersAreNoDates() {
    assertNull(NumericDates.find("v1.2.2020.4 0300-1234567", Order.DAY_MONTH, false));
  }

  @Test
  void orderFromAnUnambiguousDate() {
    assertEquals(Order.DAY_MONTH, NumericDates.orderOf("24/04/2020 and 03/05/2020"));
    assertEquals(Order.MONTH_DAY, NumericDates.orderOf("4/24/2020 and 5/3/2020"));
    assertEquals(Order.UNKNOWN, NumericDates.orderOf("03/05/2020"));
  }

  @Test
  void orderFromLanguage() {
    assertEquals(Order.MONTH_DAY, Order.ofLanguage("en-US"));
    assertEquals(Order.UNKNOWN, Order.ofLanguage("en"));
    assertEquals(Order.DAY_MONTH, Order.ofLanguage("ar"));
    assertEquals(Order.DAY_MONTH, Order.ofLanguage("en-GB"));
  }
}
