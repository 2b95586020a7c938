package dev.khabar.enrich.entities.gazetteer;

/** Where a gazetteer name comes from; also the order in which sources win a linking tie. */
public enum Source {
  /** CLDR country names in Arabic and English, and long forms derived from them. */
  COUNTRY("LOC", true),
  /** The curated list of international organisations. */
  ORGANISATION("ORG", true),
  /** CLDR time-zone exemplar cities in Arabic and English. */
  CITY("LOC", true),
  /** ANERGazet locations (features only, no ids). */
  ANER_LOC("LOC", false),
  /** ANERGazet organisations (features only). */
  ANER_ORG("ORG", false),
  /** ANERGazet person names (features only). */
  ANER_PER("PER", false);

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
