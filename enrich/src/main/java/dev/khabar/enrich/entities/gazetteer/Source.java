package dev.khabar.enrich.entities.gazetteer;

/**
 * Where a gazetteer name comes from; also the order in which sources win a linking tie. Every
 * source is open data that allows commercial use (see the entity resources' README.md).
 */
public enum Source {
  /** Country names: CLDR (via ICU4J) and GeoNames, with Arabic long forms derived from them. */
  COUNTRY("LOC", true),
  /** The curated list of international organisations. */
  ORGANISATION("ORG", true),
  /** GeoNames cities of 15,000 inhabitants or more. */
  CITY("LOC", true),
  /** GeoNames first-level regions (provinces, states, governorates). */
  REGION("LOC", true),
  /** People with a Wikipedia article in both languages (ArWikiCats). */
  PERSON("PER", true),
  /** Sports clubs and federations (ArWikiCats). */
  CLUB("ORG", true),
  /** Leagues, cups and championships (ArWikiCats). */
  COMPETITION("MISC", true),
  /** Nationality and people words, "Syrian", «السوري» (ArWikiCats). */
  DEMONYM("MISC", true),
  /**
   * Given names: the first words of the people's names above, for features and for extending a
   * tagged surname leftwards; never linked.
   */
  GIVEN_NAME("PER", false);

  private final String type;
  private final boolean linkable;

  Source(String type, boolean linkable) {
    this.type = type;
    this.linkable = linkable;
  }

  /** The entity type of names from this source. */
  public String type() {
    return type;
  }

  /** Whether entries carry a canonical id that mentions can be linked to. */
  public boolean linkable() {
    return linkable;
  }
}
