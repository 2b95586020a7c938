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
    assertEquals("list:mike tyson", id("PER", "Mike", "Tyson"));
    assertEquals("list:mike tyson", id("PER", "مايك", "تايسون"));
    assertEquals("list:hannover 96", id("ORG", "هانوفر", "96"));
  }

  @Test
  void linksOnlyAnEntryOfTheMentionsType() {
    assertEquals("none", id("PER", "إيران"));
    assertEquals("none", id("ORG", "Tehran"));
  }

  @Test
  void linksDemonymsAsMisc() {
    assertEquals("list:syrian", id("MISC", "Syrian"));
    assertEquals("list:syrian", id("MISC", "Syrians"));
    assertEquals("list:syrian", id("MISC", "السورية"));
  }

  @Test
  void latinNamesMatchOnlyCapitalisedWords() {
    assertEquals("geonames:2639577", id("LOC", "Reading"));
    assertEquals("none", id("LOC", "reading"));
  }

  @Test
  void linksEconomicCooperationOrganizationByNameAndAcronyms() {
    String eco = "list:economic cooperation organization";
    assertEquals(eco, id("ORG", "لمنظمة", "التعاون", "الاقتصادي"));
    assertEquals(eco, id("ORG", "إيكو"));
    assertEquals(eco, id("ORG", "ECO"));
  }

  @Test
  void acronymsMatchOnlyInCapitals() {
    assertEquals("wikidata:Q7817", id("ORG", "WHO"));
    assertEquals("none", id("ORG", "who"));
  }

  @Test
  void clubsAreLinkedByTheShortNameNewsUsesInBothLanguages() {
    assertEquals("list:arsenal f.c.", id("ORG", "Arsenal"));
    assertEquals("list:arsenal f.c.", id("ORG", "Arsenal", "F.C."));
    assertEquals("list:arsenal f.c.", id("ORG", "آرسنال"));
    assertEquals("list:1. fc köln", id("ORG", "Köln"));
    // The short name is the club only where the tagger says organisation.
    assertEquals("none", id("LOC", "Arsenal"));
    assertEquals("list:fc barcelona", id("ORG", "Barcelona"));
    assertEquals("LOC", gazetteer.lookup(List.of("Barcelona"), "LOC").type());
  }

  @Test
  void aShortClubNameIsNeverAFeature() {
    List<String> sources =
        gazetteer.findAll(List.of("Arsenal", "won")).stream()
            .map(m -> m.entry().source().name())
            .toList();
    assertEquals(List.of(), sources);
    assertEquals(1, gazetteer.findAll(List.of("Arsenal", "F.C.")).size());
  }

  @Test
  void aClubsShortNameDropsItsLegalFormAndTheWordsForClubAndFootball() {
    assertEquals("Arsenal", Gazetteers.clubAlias("Arsenal F.C."));
    assertEquals("Union Berlin", Gazetteers.clubAlias("1. FC Union Berlin"));
    assertEquals("Monaco", Gazetteers.clubAlias("AS Monaco"));
    assertEquals("كايزرسلاوترن", Gazetteers.clubAlias("نادي كايزرسلاوترن لكرة القدم"));
    assertEquals("", Gazetteers.clubAlias("Real Madrid"));
    assertEquals("", Gazetteers.clubAlias("FC"));
  }
}
