package dev.khabar.enrich.entities;

import dev.khabar.common.contract.Entity;
import dev.khabar.enrich.entities.gazetteer.GazetteerEntry;
import dev.khabar.enrich.entities.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups an article's mentions into entities: linked mentions by id, the others by normalised
 * surface, and a name that is part of a longer one of the same type in the article joins it ({@link
 * #mergePartialNames}). Thread-safe (stateless).
 */
final class ArticleEntities {

  private ArticleEntities() {}

  static List<Entity> of(String text, List<Mention> mentions) {
    Map<String, List<Mention>> groups = new LinkedHashMap<>();
    for (Mention m : mentions) {
      String key = m.link() != null ? m.link().id() : "name:" + m.key();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
    }
    mergePartialNames(groups);
    List<Entity> entities = new ArrayList<>();
    for (Map.Entry<String, List<Mention>> g : groups.entrySet()) {
      entities.add(entity(text, g.getKey(), g.getValue()));
    }
    entities.sort(Comparator.comparingInt(e -> e.offsets().get(0).get(0)));
    return entities;
  }

  /**
   * Moves each unlinked group named by part of a longer name of the same type in the article into
   * the longest such group, linked or not: a person by any part («مجيد خان» into «أسد مجيد خان»), a
   * place or an organisation by two words or more («الجمهورية الإسلامية» into «الجمهورية الإسلامية
   * الإيرانية», Iran), since one word of a place name is often another place ("Sudan", "South
   * Sudan").
   */
  private static void mergePartialNames(Map<String, List<Mention>> groups) {
    List<String> keys = new ArrayList<>(groups.keySet());
    Map<String, String[]> names = new HashMap<>();
    Map<String, String> types = new HashMap<>();
    for (String key : keys) {
      List<Mention> mentions = groups.get(key);
      // Split once: the pairs are many on a long article with many names.
      names.put(key, longest(mentions).key().split(" "));
      types.put(key, type(mentions));
    }
    keys.sort(Comparator.comparingInt((String k) -> -names.get(k).length));
    Map<String, String> into = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      String[] part = names.get(key);
      String type = types.get(key);
      if (!key.startsWith("name:") || (!type.equals("PER") && part.length < 2)) {
        continue;
      }
      for (int j = 0; j < i; j++) {
        String[] whole = names.get(keys.get(j));
        if (whole.length > part.length
            && types.get(keys.get(j)).equals(type)
            && contains(whole, part)) {
          into.put(key, into.getOrDefault(keys.get(j), keys.get(j)));
          break;
        }
      }
    }
    for (Map.Entry<String, String> e : into.entrySet()) {
      groups.get(e.getValue()).addAll(groups.remove(e.getKey()));
    }
  }

  /** The mention of the most tokens, the earliest on a tie. */
  private static Mention longest(List<Mention> mentions) {
    return mentions.stream()
        .max(Comparator.comparingInt(Mention::tokens).thenComparingInt(m -> -m.start()))
        .orElseThrow();
  }

  private static boolean contains(String[] whole, String[] part) {
    for (int s = 0; s + part.length <= whole.length; s++) {
      if (Arrays.equals(whole, s, s + part.length, part, 0, part.length)) {
        return true;
      }
    }
    return false;
  }

  /** The most frequent type, the earliest on a tie. */
  private static String type(List<Mention> mentions) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Mention m : mentions) {
      counts.merge(m.type(), 1, Integer::sum);
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static Entity entity(String text, String id, List<Mention> mentions) {
    mentions.sort(Comparator.comparingInt(Mention::start));
    Mention first = mentions.get(0);
    Mention longest = longest(mentions);
    List<List<Integer>> offsets = new ArrayList<>();
    for (Mention m : mentions) {
      offsets.add(List.of(m.start(), m.end()));
    }
    // A group that took in a partial name may start with that unlinked mention.
    GazetteerEntry link =
        mentions.stream().map(Mention::link).filter(Objects::nonNull).findFirst().orElse(null);
    if (link != null) {
      return new Entity(
          id,
          link.type(),
          link.name(),
          link.nameAr(),
          surface(text, first),
          mentions.size(),
          offsets);
    }
    String name = surface(text, longest);
    String canonicalId = "name:" + longest.key();
    String nameAr = isArabic(name) ? name : null;
    return new Entity(
        canonicalId, type(mentions), name, nameAr, surface(text, first), mentions.size(), offsets);
  }

  private static String surface(String text, Mention m) {
    return text.substring(m.start(), m.end());
  }

  private static boolean isArabic(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Normalizer.isArabicLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
