package dev.khabar.enrich.entities.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteersTest {

  private final Gazetteer gazetteer = Gazetteers.shipped();

  private String id(String type, String... tokens) {
    GazetteerEntry e = gazetteer.lookup(List.of(tokens), type);
    return e == null ? "none" : e.id();
  }

  @Test
  void linksIranInBothScriptsAndItsLongForm() {
    assertEquals("iso3166:IR", id("LOC", "إيران"));
    assertEquals("iso3166:IR", id("LOC", "ايران"));
    assertEquals("iso3166:IR", id("LOC", "Iran"));
    assertEquals("iso3166:IR", id("LOC", "الجمهورية", "الإسلامية", "الإيرانية"));
  }

  @Test
  void linksCliticisedCityToTheSameIdAsItsEnglishName() {
    assertEquals("geonames:112931", id("LOC", "وبطهران"));
    assertEquals("geonames:112931", id("LOC", "Tehran"));
  }

  @Test
  void linksTheMorePopulousPlaceOfAName() {
    assertEquals("geonames:2643743", id("LOC", "London"));
    assertEquals("geonames:2643743", id("LOC", "لندن"));
  }

  @Test
  void linksPeopleAndClubsOfBothLanguagesToOneId() {
    assertEquals("name:mike tyson", id("PER", "Mike", "Tyson"));
    assertEquals("name:mike tyson", id("PER", "مايك", "تايسون"));
    assertEquals("name:hannover 96", id("ORG", "هانوفر", "96"));
  }

  @Test
  void linksOnlyAnEntryOfTheMentionsType() {
    assertEquals("none", id("PER", "إيران"));
    assertEquals("none", id("ORG", "Tehran"));
  }

  @Test
  void linksDemonymsAsMisc() {
    assertEquals("name:syrian", id("MISC", "Syrian"));
    assertEquals("name:syrian", id("MISC", "Syrians"));
    assertEquals("name:syrian", id("MISC", "السورية"));
  }

  @Test
  void latinNamesMatchOnlyCapitalisedWords() {
    assertEquals("geonames:2639577", id("LOC", "Reading"));
    assertEquals("none", id("LOC", "reading"));
  }

  @Test
  void linksEconomicCooperationOrganizationByNameAndAcronyms() {
    String eco = "name:economic cooperation organization";
    assertEquals(eco, id("ORG", "لمنظمة", "التعاون", "الاقتصادي"));
    assertEquals(eco, id("ORG", "إيكو"));
    assertEquals(eco, id("ORG", "ECO"));
  }

  @Test
  void acronymsMatchOnlyInCapitals() {
    assertEquals("wikidata:Q7817", id("ORG", "WHO"));
    assertEquals("none", id("ORG", "who"));
  }
}
