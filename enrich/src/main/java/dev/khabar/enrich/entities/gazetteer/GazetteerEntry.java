package dev.khabar.enrich.entities.gazetteer;

import org.jspecify.annotations.Nullable;

/**
 * A canonical entity that several names point to.
 *
 * @param id a stable id ({@code iso3166:IR}, {@code wikidata:Q1065}, {@code tz:Asia/Tehran} or
 *     {@code name:...})
 * @param name the English name
 * @param nameAr the Arabic name, when known
 */
public record GazetteerEntry(String id, Source source, String name, @Nullable String nameAr) {

  /** The entity type, e.g. {@code LOC}. */
  public String type() {
    return source.type();
  }
}
