package dev.khabar.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.common.contract.Entity;
import dev.khabar.enrich.entities.gazetteer.GazetteerEntry;
import dev.khabar.enrich.entities.gazetteer.Source;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ArticleEntitiesTest {

  private static final GazetteerEntry IRAN =
      new GazetteerEntry("iso3166:IR", Source.COUNTRY, "Iran", "إيران");

  /** Mentions of {@code names} written one after another, separated by " و ". */
  private record Article(String text, List<Mention> mentions) {
    static Article of(Object... typeNameLink) {
      StringBuilder text = new StringBuilder();
      List<Mention> mentions = new ArrayList<>();
      for (int i = 0; i < typeNameLink.length; i += 3) {
        if (!text.isEmpty()) {
          text.append(" و ");
        }
        String name = (String) typeNameLink[i + 1];
        int start = text.length();
        text.append(name);
        mentions.add(
            new Mention(
                start,
                text.length(),
                i,
                name.split(" ").length,
                (String) typeNameLink[i],
                name,
                (GazetteerEntry) typeNameLink[i + 2]));
      }
      return new Article(text.toString(), mentions);
    }

    List<Entity> entities() {
      return ArticleEntities.of(text, mentions);
    }
  }

  private static @Nullable Object none() {
    return null;
  }

  @Test
  void aPlaceNamedByTheFirstWordsOfALinkedPlaceJoinsIt() {
    Article a =
        Article.of(
            "LOC", "الجمهورية الإسلامية", none(), "LOC", "الجمهورية الإسلامية الإيرانية", IRAN);
    List<Entity> entities = a.entities();
    assertEquals(1, entities.size(), entities.toString());
    Entity iran = entities.get(0);
    assertEquals("iso3166:IR", iran.id());
    assertEquals("Iran", iran.name());
    assertEquals(2, iran.mentions());
  }

  @Test
  void aPersonNamedByPartOfTheFullNameJoinsIt() {
    Article a = Article.of("PER", "أسد مجيد خان", none(), "PER", "مجيد خان", none());
    List<Entity> entities = a.entities();
    assertEquals(1, entities.size(), entities.toString());
    assertEquals("أسد مجيد خان", entities.get(0).name());
  }

  @Test
  void oneWordOfAPlaceNameOrANameOfAnotherTypeStaysApart() {
    Article a =
        Article.of(
            "ORG",
            "Bank of South Sudan",
            none(),
            "LOC",
            "South Sudan",
            none(),
            "LOC",
            "Sudan",
            none());
    List<Entity> entities = a.entities();
    assertEquals(
        List.of("Bank of South Sudan", "South Sudan", "Sudan"),
        entities.stream().map(Entity::name).toList());
  }
}
