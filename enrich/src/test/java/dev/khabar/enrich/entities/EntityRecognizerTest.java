package dev.khabar.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    Entity tehran = byId(NER.recognize(article(), "ar"), "tz:Asia/Tehran");
    assertEquals("LOC", tehran.type());
    assertEquals("طهران", tehran.nameAr());
  }

  @Test
  void linksTheOrganisationByNameAndAcronym() throws IOException {
    String text = article();
    Entity eco = byId(NER.recognize(text, "ar"), "name:economic cooperation organization");
    assertEquals("ORG", eco.type());
    assertTrue(surfaces(text, eco).containsAll(List.of("منظمة التعاون الاقتصادي", "إيكو")));
  }

  @Test
  void joinsTheFullAndPartialNamesOfTheSecretaryGeneral() throws IOException {
    String text = article();
    Entity khan = byName(NER.recognize(text, "ar"), "أسد مجيد خان");
    assertEquals("PER", khan.type());
    assertTrue(
        surfaces(text, khan).containsAll(List.of("أسد مجيد خان", "اسد مجيد خان", "مجيد خان")));
  }

  @Test
  void findsArefInTheEcoArticle() throws IOException {
    assertEquals("PER", byName(NER.recognize(article(), "ar"), "عارف").type());
  }

  @Test
  void findsNoPersonAmongTheEcoArticlesCommonWords() throws IOException {
    List<String> persons =
        NER.recognize(article(), "ar").stream()
            .filter(e -> e.type().equals("PER"))
            .map(Entity::name)
            .toList();
    assertEquals(List.of("عارف", "أسد مجيد خان"), persons);
  }

  @Test
  void recognisesTheEnglishSentence() {
    List<Entity> entities =
        NER.recognize(
            "Iran's first vice president Mohammad Reza Aref met ECO"
                + " Secretary General Asad Majeed Khan in Tehran.",
            "en");
    assertEquals("LOC", byId(entities, "iso3166:IR").type());
    assertEquals("LOC", byId(entities, "tz:Asia/Tehran").type());
    assertEquals("ORG", byId(entities, "name:economic cooperation organization").type());
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
  void returnsEachEntityOnceWithItsMentionCount() {
    List<Entity> entities = NER.recognize("زار الوفد طهران ثم عاد إلى طهران", "ar");
    assertEquals(2, byId(entities, "tz:Asia/Tehran").mentions());
  }
}
