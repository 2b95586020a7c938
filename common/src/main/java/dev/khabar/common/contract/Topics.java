package dev.khabar.common.contract;

/**
 * Default topic names. Each service reads its own names from the environment, with these as
 * defaults.
 */
public final class Topics {
  /** Raw pages fetched by {@code ingest}; key = canonical URL, value = {@link RawPage}. */
  public static final String PAGES_RAW = "khabar.pages.raw";

  /** Clean articles produced by {@code enrich}; key = article id, value = {@link Article}. */
  public static final String ARTICLES = "khabar.articles";

  /** Canonical URLs {@code ingest} has published; compacted, key = canonical URL. */
  public static final String INGEST_SEEN = "khabar.ingest.seen";

  /**
   * The sites {@code ingest} instances share: no records, one partition per share of the sites; the
   * instances' consumer group assigns the partitions, hence the sites.
   */
  public static final String INGEST_SITES = "khabar.ingest.sites";

  /**
   * Where {@code ingest} keeps the re-fetch plan of each published article while re-fetches of it
   * are due; compacted, key = canonical URL, no value once its last re-fetch was made.
   */
  public static final String INGEST_REFETCHES = "khabar.ingest.refetches";

  /**
   * Where {@code ingest} keeps each site host's politeness (its robots.txt Crawl-delay and when it
   * was last asked for something), so that the next crawler of the site keeps to it; compacted, key
   * = host.
   */
  public static final String INGEST_POLITENESS = "khabar.ingest.politeness";

  /** Sources and pages {@code ingest} gave up on, with the reason in headers. */
  public static final String INGEST_DLQ = "khabar.ingest.dlq";

  /** Raw pages {@code enrich} could not read or process, with the error in headers. */
  public static final String ENRICH_DLQ = "khabar.enrich.dlq";

  /** Articles {@code indexer} could not index, with the error in headers. */
  public static final String INDEXER_DLQ = "khabar.indexer.dlq";

  /** The Elasticsearch alias analysts search. */
  public static final String INDEX_ALIAS = "news-articles";

  private Topics() {}
}
