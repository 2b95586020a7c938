package dev.khabar.enrich.entities.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteersTest {

  private final Gazetteer gazetteer = Gazetteers.shipped();

  private String id(String... tokens) {
    GazetteerEntry e = gazetteer.lookup(List.of(tokens));
    return e == null ? "none" : e.id();
  }

  @Test
  void linksIranInBothScriptsAndItsLongForm() {
    assertEquals("iso3166:IR", id("إيران"));
    assertEquals("iso3166:IR", id("ايران"));
    assertEquals("iso3166:IR", id("Iran"));
    assertEquals("iso3166:IR", id("الجمهورية", "الإسلامية", "الإيرانية"));
  }

  @Test
  void linksCliticisedCity() {
    assertEquals("tz:Asia/Tehran", id("وبطهران"));
  }

  @Test
  void linksEconomicCooperationOrganizationByNameAndAcronyms() {
    String eco = "name:economic cooperation organization";
    assertEquals(eco, id("لمنظمة", "التعاون", "الاقتصادي"));
    assertEquals(eco, id("إيكو"));
    assertEquals(eco, id("ECO"));
  }

  @Test
  void acronymsMatchOnlyInCapitals() {
    assertEquals("wikidata:Q7817", id("WHO"));
    assertEquals("none", id("who"));
  }
}
