package dev.khabar.common.contract;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entity of an article, listed once however often it is mentioned.
 *
 * @param id a stable id, the same in every language when linked: {@code iso3166:IR}, {@code
 *     geonames:112931}, {@code wikidata:Q794} or {@code name:} and the English name of a listed
 *     entity; otherwise {@code name:} and the normalised surface form
 * @param type {@code PER}, {@code ORG}, {@code LOC} or {@code MISC}
 * @param name the canonical name (English when known)
 * @param nameAr the canonical Arabic name, when known
 * @param text the first surface form as it stands in the article text
 * @param mentions how many times the article mentions it
 * @param offsets {@code [start, end)} character offsets of each mention in the article text
 */
public record Entity(
    String id,
    String type,
    String name,
    @Nullable String nameAr,
    String text,
    int mentions,
    List<List<Integer>> offsets) {

  public static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");

  public Entity {
    RawPage.requireText(id, "entity id");
    if (!TYPES.contains(type)) {
      throw new ContractException("entity type must be one of " + TYPES + ", was " + type);
    }
    RawPage.requireText(name, "entity name");
    Objects.requireNonNull(text, "entity text");
    offsets = List.copyOf(offsets);
  }
}
