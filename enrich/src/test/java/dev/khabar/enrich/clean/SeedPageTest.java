package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real alkawthartv page the sample site rebuilds: its text, and none of its boilerplate. */
class SeedPageTest {
  private static final Extraction PAGE = SamplePages.extract("ar/alkawthar-eco-cybersecurity.html");
  private static final String HEADLINE =
      "عارف يعلن عن استعداد إيران لنقل خبراتها في مجال أمن الفضاء الإلكتروني إلى منظمة ايكو";

  @Test
  void keepsEverySeedParagraphInOrder() {
    List<String> seed = SamplePages.seedParagraphs();
    assertEquals(12, seed.size());
    assertEquals(seed, PAGE.paragraphs());
  }

  @Test
  void titleIsTheHeadlineWithoutSiteName() {
    assertEquals(HEADLINE, PAGE.title());
  }

  @Test
  void headlineIsNotRepeatedInText() {
    assertFalse(PAGE.text().contains(HEADLINE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "شاركوا هذا الخبر",
        "اقرأ أيضا",
        "بزشكيان: إيران تولي أهمية خاصة",
        "أهم الأخبار",
        "عراقجي: الحل الوحيد",
        "الأكثر مشاهدة",
        "قائد الثورة",
        "الكوثر_ايران",
        "الرئيسية",
        "العالم العربي",
        "جميع الحقوق محفوظة",
        "فيسبوك",
        "رمز الخبر",
        "لا توجد تعليقات",
        "ملفات تعريف الارتباط"
      })
  void dropsBoilerplate(String boilerplate) {
    assertFalse(PAGE.text().contains(boilerplate), boilerplate);
  }

  @Test
  void readsMetadata() {
    assertEquals(Instant.parse("2024-12-11T10:12:05Z"), PAGE.publishedAt());
    assertEquals(Instant.parse("2024-12-11T10:40:37Z"), PAGE.modifiedAt());
    assertEquals("قناة الكوثر", PAGE.siteName());
    assertEquals("ar", PAGE.language());
  }

  @Test
  void textJoinsParagraphsWithBlankLines() {
    assertTrue(PAGE.text().startsWith("قال النائب الأول للرئيس الإيراني: ان الدول الأعضاء"));
    assertEquals(PAGE.paragraphs().size() - 1, PAGE.text().split("\n\n").length - 1);
  }
}
