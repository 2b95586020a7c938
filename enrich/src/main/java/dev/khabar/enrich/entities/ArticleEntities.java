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

/**
 * Groups an article's mentions into entities: linked mentions by id, the others by normalised
 * surface, and a person mentioned by part of a name used elsewhere in the article («مجيد خان»)
 * joins the person with the full name («أسد مجيد خان»). Thread-safe (stateless).
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

  /** Moves each unlinked person group into the longest person group whose name contains it. */
  private static void mergePartialNames(Map<String, List<Mention>> groups) {
    List<String> persons = new ArrayList<>();
    for (Map.Entry<String, List<Mention>> g : groups.entrySet()) {
      if (g.getKey().startsWith("name:") && type(g.getValue()).equals("PER")) {
        persons.add(g.getKey());
      }
    }
    persons.sort(Comparator.comparingInt((String k) -> -words(k).length));
    // Split once: the pairs are many on a long article with many names.
    String[][] names = new String[persons.size()][];
    for (int i = 0; i < names.length; i++) {
      names[i] = words(persons.get(i));
    }
    Map<String, String> into = new HashMap<>();
    for (int i = 0; i < persons.size(); i++) {
      String[] part = names[i];
      for (int j = 0; j < i; j++) {
        String[] whole = names[j];
        if (whole.length > part.length && contains(whole, part)) {
          into.put(persons.get(i), into.getOrDefault(persons.get(j), persons.get(j)));
          break;
        }
      }
    }
    for (Map.Entry<String, String> e : into.entrySet()) {
      groups.get(e.getValue()).addAll(groups.remove(e.getKey()));
    }
  }

  private static String[] words(String groupKey) {
    return groupKey.substring("name:".length()).split(" ");
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
    Mention longest =
        mentions.stream()
            .max(Comparator.comparingInt(Mention::tokens).thenComparingInt(m -> -m.start()))
            .orElseThrow();
    List<List<Integer>> offsets = new ArrayList<>();
    for (Mention m : mentions) {
      offsets.add(List.of(m.start(), m.end()));
    }
    GazetteerEntry link = first.link();
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
