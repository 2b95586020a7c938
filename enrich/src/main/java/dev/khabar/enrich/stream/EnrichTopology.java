package dev.khabar.enrich.stream;

import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.ArticleId;
import dev.khabar.common.contract.RawPage;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * raw page → clean article, in three steps:
 *
 * <ol>
 *   <li>extract (stateless; a page without article text fails here and is dead-lettered);
 *   <li>partitioned by site: drop the site's learned boilerplate ({@link SiteBoilerplate});
 *   <li>partitioned by content hash: mark the same text at a second URL as a duplicate of the
 *       first, recognise entities, key by article id.
 * </ol>
 *
 * Pages arrive keyed by canonical URL, so one site's pages and one text's copies are spread over
 * partitions; the two repartitions bring each to one task, where its state lives.
 */
public final class EnrichTopology {
  public static final String SITE_PAGES = "site-pages";
  public static final String SITE_BLOCKS = "site-blocks";
  public static final String CONTENT_HASHES = "content-hashes";

  private EnrichTopology() {}

  /** Topic names the topology reads and writes. */
  public record Topics(String rawPages, String articles) {}

  /**
   * When a paragraph becomes a site's boilerplate: seen on at least {@code minPages} pages and more
   * than {@code share} of them.
   */
  public record Learning(int minPages, double share) {
    public Learning {
      if (minPages < 2) {
        throw new IllegalArgumentException("minPages must be at least 2, was " + minPages);
      }
      if (share <= 0 || share > 1) {
        throw new IllegalArgumentException("share must be in (0, 1], was " + share);
      }
    }
  }

  public static Topology build(
      StreamsBuilder builder,
      Topics topics,
      Learning learning,
      ArticleAssembler assembler,
      Clock clock,
      EnrichMetrics metrics) {
    Serde<ExtractedPage> extracted = JsonSerde.of(ExtractedPage.class);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SITE_PAGES), Serdes.String(), Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SITE_BLOCKS),
            Serdes.String(),
            JsonSerde.of(SiteBoilerplate.BlockStats.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CONTENT_HASHES), Serdes.String(), Serdes.String()));

    builder.stream(topics.rawPages(), Consumed.with(Serdes.String(), JsonSerde.of(RawPage.class)))
        .filter((url, page) -> page != null)
        .mapValues(assembler::extract)
        .selectKey((url, page) -> page.site())
        .repartition(Repartitioned.with(Serdes.String(), extracted).withName("by-site"))
        .processValues(() -> new LearnSiteBoilerplate(learning, metrics), SITE_PAGES, SITE_BLOCKS)
        .selectKey((site, page) -> ArticleAssembler.contentHash(page.extraction().text()))
        .repartition(Repartitioned.with(Serdes.String(), extracted).withName("by-content"))
        .process(() -> new MarkDuplicatesAndAssemble(assembler, clock, metrics), CONTENT_HASHES)
        .to(topics.articles(), Produced.with(Serdes.String(), JsonSerde.of(Article.class)));
    return builder.build();
  }

  private static final class LearnSiteBoilerplate
      implements FixedKeyProcessor<String, ExtractedPage, ExtractedPage> {
    private final Learning learning;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, ExtractedPage> context;
    private SiteBoilerplate boilerplate;

    LearnSiteBoilerplate(Learning learning, EnrichMetrics metrics) {
      this.learning = learning;
      this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ExtractedPage> context) {
      this.context = context;
      KeyValueStore<String, Long> pages = context.getStateStore(SITE_PAGES);
      KeyValueStore<String, SiteBoilerplate.BlockStats> blocks = context.getStateStore(SITE_BLOCKS);
      this.boilerplate = new SiteBoilerplate(pages, blocks, learning.minPages(), learning.share());
    }

    @Override
    public void process(FixedKeyRecord<String, ExtractedPage> record) {
      ExtractedPage page = record.value();
      ExtractedPage cleaned =
          page.withExtraction(
              boilerplate.learnAndClean(page.site(), page.url(), page.extraction()));
      int before = page.extraction().paragraphs().size();
      metrics.siteBoilerplateDropped(before - cleaned.extraction().paragraphs().size(), before);
      if (cleaned.extraction().paragraphs().isEmpty()) {
        throw new NoArticleTextException(page.url());
      }
      context.forward(record.withValue(cleaned));
    }
  }

  private static final class MarkDuplicatesAndAssemble
      implements Processor<String, ExtractedPage, String, Article> {
    private final ArticleAssembler assembler;
    private final Clock clock;
    private final EnrichMetrics metrics;
    private ProcessorContext<String, Article> context;
    private KeyValueStore<String, String> hashes;

    MarkDuplicatesAndAssemble(ArticleAssembler assembler, Clock clock, EnrichMetrics metrics) {
      this.assembler = assembler;
      this.clock = clock;
      this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
      this.context = context;
      this.hashes = context.getStateStore(CONTENT_HASHES);
    }

    @Override
    public void process(Record<String, ExtractedPage> record) {
      ExtractedPage page = record.value();
      String id = ArticleId.of(page.url());
      String first = hashes.putIfAbsent(record.key(), id);
      String duplicateOf = first == null || first.equals(id) ? null : first;
      // The key is the text's content hash: the by-content repartition routed the page by it.
      Article article = assembler.assemble(page, record.key(), duplicateOf, clock.instant());
      metrics.articleProduced(article);
      // The record keeps the raw page's timestamp through both repartitions: ingest's send time.
      metrics.publishedToEnriched(Instant.ofEpochMilli(record.timestamp()), article.processedAt());
      context.forward(record.withKey(article.id()).withValue(article));
    }
  }
}
