package dev.khabar.enrich.stream;

import dev.khabar.common.contract.Article;
import dev.khabar.common.service.StageTimer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;

/**
 * What the topology counts: articles by language, duplicates, learned boilerplate, entities.
 * Thread-safe.
 */
public final class EnrichMetrics {
  private final MeterRegistry registry;
  private final Counter duplicates;
  private final Counter learnedBoilerplate;
  private final DistributionSummary entitiesPerArticle;
  private final DistributionSummary boilerplateShare;
  private final StageTimer publishedToEnriched;

  public EnrichMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.duplicates = registry.counter("khabar_enrich_duplicates");
    this.learnedBoilerplate = registry.counter("khabar_enrich_site_boilerplate_paragraphs_dropped");
    this.entitiesPerArticle =
        DistributionSummary.builder("khabar_enrich_entities_per_article")
            .publishPercentileHistogram()
            .register(registry);
    this.boilerplateShare =
        DistributionSummary.builder("khabar_enrich_boilerplate_ratio")
            .description("share of a page's paragraphs dropped as the site's learned boilerplate")
            .register(registry);
    this.publishedToEnriched = StageTimer.of(registry, "published_to_enriched");
  }

  void articleProduced(Article article) {
    registry.counter("khabar_enrich_articles", "language", article.language()).increment();
    entitiesPerArticle.record(article.entities().size());
    if (article.duplicateOf() != null) {
      duplicates.increment();
    }
  }

  /** From the raw page's record timestamp to the article's {@code processed_at}. */
  void publishedToEnriched(Instant published, Instant processed) {
    publishedToEnriched.record(published, processed);
  }

  void siteBoilerplateDropped(int dropped, int paragraphs) {
    learnedBoilerplate.increment(dropped);
    if (paragraphs > 0) {
      boilerplateShare.record((double) dropped / paragraphs);
    }
  }
}
