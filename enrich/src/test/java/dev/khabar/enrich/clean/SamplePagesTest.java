package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The other pages of the sample site: English news with bylines, and an Arabic microdata article.
 */
class SamplePagesTest {
  private static final Extraction SUMMIT = SamplePages.extract("en/gulf-trade-summit-muscat.html");
  private static final Extraction MANGROVES =
      SamplePages.extract("en/coastal-mangroves-restoration.html");
  private static final Extraction BASRA = SamplePages.extract("ar/basra-date-palm-harvest.html");

  @Test
  void summitKeepsParagraphsSubheadingAndList() {
    assertTrue(SUMMIT.paragraphs().contains("What the customs window covers"));
    assertTrue(SUMMIT.paragraphs().contains("machinery and spare parts for the mining industry;"));
    assertTrue(
        SUMMIT
            .text()
            .endsWith("stood at about $3.1 billion last year, a fraction of its potential."));
  }

  @Test
  void summitDropsShareReadMoreMostViewedAndComments() {
    for (String junk :
        new String[] {
          "Share this",
          "Facebook",
          "Read more",
          "Sohar port opens",
          "Most viewed",
          "OPEC+",
          "Comments",
          "gauge problem",
          "cookies",
          "All rights reserved",
          "Photo: Ledger staff"
        }) {
      assertFalse(SUMMIT.text().contains(junk), junk);
    }
  }

  @Test
  void summitMetadata() {
    assertEquals(
        "Gulf and Central Asian ministers agree to fast-track rail and customs links",
        SUMMIT.title());
    assertEquals("Layla Haddad", SUMMIT.author());
    assertEquals(Instant.parse("2024-07-21T09:15:00Z"), SUMMIT.publishedAt());
    assertEquals("en", SUMMIT.language());
  }

  @Test
  void mangrovesKeepsQuoteAndDropsRelatedAndMostRead() {
    assertEquals(6, MANGROVES.paragraphs().size());
    assertTrue(
        MANGROVES.paragraphs().get(2).startsWith("“The fishermen were the first to notice,”"));
    assertFalse(MANGROVES.text().contains("Coral bleaching"));
    assertFalse(MANGROVES.text().contains("Diving Aqaba"));
  }

  @Test
  void mangrovesBylineFromPage() {
    assertEquals("Samir Aziz and Hannah Clarke", MANGROVES.author());
    assertEquals(Instant.parse("2024-08-03T07:30:00Z"), MANGROVES.publishedAt());
    assertEquals(
        "Volunteers replant mangroves along the Red Sea coast as heat threatens nurseries",
        MANGROVES.title());
  }

  @Test
  void basraArticleBodyWithArabicDateAndByline() {
    assertEquals("مزارعو البصرة يستعيدون بساتين النخيل بعد سنوات من الجفاف", BASRA.title());
    assertEquals("حيدر الساعدي", BASRA.author());
    assertEquals(Instant.parse("2024-07-21T00:00:00Z"), BASRA.publishedAt());
    assertEquals(10, BASRA.paragraphs().size());
    assertTrue(BASRA.paragraphs().contains("تدريب المزارعين على الري بالتنقيط؛"));
  }

  @Test
  void basraDropsRelatedMostReadAndComments() {
    for (String junk :
        new String[] {
          "إقرأ أيضاً", "صادرات التمور", "الأكثر قراءة", "البرلمان", "اترك تعليقاً", "وسوم", "بقلم"
        }) {
      assertFalse(BASRA.text().contains(junk), junk);
    }
  }
}
