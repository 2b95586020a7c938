package dev.khabar.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EntityRecognizerTest {

  private static final EntityRecognizer NER = EntityRecognizer.load();

  private static String article() throws IOException {
    try (InputStream in =
        EntityRecognizerTest.class.getResourceAsStream("alkawthar-eco-cybersecurity.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Entity byId(List<Entity> entities, String id) {
    return entities.stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + id + " in " + entities));
  }

  private static Entity byName(List<Entity> entities, String name) {
    return entities.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + entities));
  }

  private static List<String> surfaces(String text, Entity e) {
    return e.offsets().stream().map(o -> text.substring(o.get(0), o.get(1))).distinct().toList();
  }

  @Test
  void linksIranAndItsLongFormInTheEcoArticle() throws IOException {
    String text = article();
    Entity iran = byId(NER.recognize(text, "ar"), "iso3166:IR");
    assertEquals("LOC", iran.type());
    assertEquals("Iran", iran.name());
    assertEquals("إيران", iran.nameAr());
    assertTrue(surfaces(text, iran).contains("الجمهورية الإسلامية الإيرانية"));
  }

  @Test
  void findsTehranInTheEcoArticle() throws IOException {
    Entity tehran = byId(NER.recognize(article(), "ar"), "geonames:112931");
    assertEquals("LOC", tehran.type());
    assertEquals("طهران", tehran.nameAr());
  }

  @Test
  void linksTheOrganisationByNameAndAcronym() throws IOException {
    String text = article();
    Entity eco = byId(NER.recognize(text, "ar"), "list:economic cooperation organization");
    assertEquals("ORG", eco.type());
    assertTrue(surfaces(text, eco).containsAll(List.of("منظمة التعاون الاقتصادي", "إيكو")));
  }

  @Test
  void joinsTheMentionsOfTheSecretaryGeneral() throws IOException {
    String text = article();
    Entity khan = byName(NER.recognize(text, "ar"), "مجيد خان");
    assertEquals("PER", khan.type());
    assertEquals(3, khan.mentions());
    assertEquals(List.of("مجيد خان"), surfaces(text, khan));
  }

  @Test
  void findsArefInTheEcoArticle() throws IOException {
    assertEquals("PER", byName(NER.recognize(article(), "ar"), "عارف").type());
  }

  @Test
  void findsNoPersonInTheEcoArticlesPlaceAndOrganisationNames() throws IOException {
    List<String> persons =
        NER.recognize(article(), "ar").stream()
            .filter(e -> e.type().equals("PER"))
            .map(Entity::name)
            .toList();
    assertTrue(persons.containsAll(List.of("عارف", "مجيد خان")), persons.toString());
    assertTrue(
        persons.stream().noneMatch(p -> p.contains("إيران") || p.contains("إيكو")),
        persons.toString());
  }

  @Test
  void recognisesTheEnglishSentence() {
    List<Entity> entities =
        NER.recognize(
            "Iran's first vice president Mohammad Reza Aref met ECO"
                + " Secretary General Asad Majeed Khan in Tehran.",
            "en");
    assertEquals("LOC", byId(entities, "iso3166:IR").type());
    assertEquals("LOC", byId(entities, "geonames:112931").type());
    assertEquals("ORG", byId(entities, "list:economic cooperation organization").type());
  }

  @Test
  void findsBothFullEnglishPersonNames() {
    List<Entity> entities =
        NER.recognize(
            "Iran's first vice president Mohammad Reza Aref met ECO"
                + " Secretary General Asad Majeed Khan in Tehran.",
            "en");
    assertEquals("PER", byName(entities, "Mohammad Reza Aref").type());
    assertEquals("PER", byName(entities, "Asad Majeed Khan").type());
  }

  @Test
  void linksAPlaceToTheSameIdAndNamesInArabicAndEnglish() {
    Entity arabic = byId(NER.recognize("وصل الوزير إلى طهران أمس", "ar"), "geonames:112931");
    Entity english =
        byId(NER.recognize("The minister arrived in Tehran on Monday.", "en"), "geonames:112931");
    assertEquals(List.of("Tehran", "طهران"), List.of(arabic.name(), arabic.nameAr()));
    assertEquals(List.of("Tehran", "طهران"), List.of(english.name(), english.nameAr()));
  }

  @Test
  void tagsPersianWithThePersianModel() {
    List<Entity> entities = NER.recognize("رئیس جمهور ایران امروز به تهران بازگشت.", "fa");
    assertEquals("LOC", byId(entities, "iso3166:IR").type());
  }

  @Test
  void picksTheModelOfALanguageWithoutOneByItsScript() {
    assertEquals("fa", EntityRecognizer.modelLanguage("ur", "وزیر اعظم"));
    assertEquals("ar", EntityRecognizer.modelLanguage("und", "وصل الوزير"));
    assertEquals("en", EntityRecognizer.modelLanguage("es", "El ministro"));
    assertEquals(
        EntityRecognizer.LISTED_NAMES_ONLY, EntityRecognizer.modelLanguage("de", "Der Minister"));
  }

  @Test
  void findsOnlyListedNamesInGermanWhereEveryNounHasACapital() {
    List<Entity> entities =
        NER.recognize(
            "Zum Beispiel traf Angela Merkel Ende Mai den Bürgermeister von New York und der NATO.",
            "de");
    assertEquals(
        Set.of("list:angela merkel", "geonames:5128638", "wikidata:Q7184"),
        entities.stream().map(Entity::id).collect(Collectors.toSet()),
        entities.toString());
    assertEquals("PER", byId(entities, "list:angela merkel").type());
  }

  @Test
  void returnsEachEntityOnceWithItsMentionCount() {
    List<Entity> entities = NER.recognize("زار الوفد طهران ثم عاد إلى طهران", "ar");
    assertEquals(2, byId(entities, "geonames:112931").mentions());
  }
}
