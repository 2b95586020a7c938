package dev.khabar.enrich.stream;

import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.RawPage;
import dev.khabar.enrich.clean.Extraction;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * raw page → clean article. Keyed by canonical URL in, by article id out. A state store maps each
 * content hash to the first article that had it, so the same text at a second URL is marked as a
 * duplicate of the first (and not indexed twice). Pages without text are dropped and counted.
 */
public final class EnrichTopology {
  public static final String CONTENT_HASHES = "content-hashes";

  private EnrichTopology() {}

  /** Topic names the topology reads and writes. */
  public record Topics(String rawPages, String articles) {}

  public static Topology build(StreamsBuilder builder, Topics topics, ArticleAssembler assembler, Clock clock) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CONTENT_HASHES), Serdes.String(), Serdes.String()));
    builder.stream(topics.rawPages(), Consumed.with(Serdes.String(), JsonSerde.of(RawPage.class)))
        .process(() -> new Enrich(assembler, clock), CONTENT_HASHES)
        .to(topics.articles(), Produced.with(Serdes.String(), JsonSerde.of(Article.class)));
    return builder.build();
  }

  private static final class Enrich implements Processor<String, RawPage, String, Article> {
    private final ArticleAssembler assembler;
    private final Clock clock;
    private ProcessorContext<String, Article> context;
    private KeyValueStore<String, String> hashes;

    Enrich(ArticleAssembler assembler, Clock clock) {
      this.assembler = assembler;
      this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
      this.context = context;
      this.hashes = context.getStateStore(CONTENT_HASHES);
    }

    @Override
    public void process(Record<String, RawPage> record) {
      RawPage page = record.value();
      if (page == null) {
        return; // a tombstone: nothing to enrich
      }
      Extraction extraction = assembler.extract(page);
      if (extraction.paragraphs().isEmpty()) {
        throw new NoArticleTextException(page.url());
      }
      String hash = ArticleAssembler.contentHash(extraction.text());
      String id = dev.khabar.common.contract.ArticleId.of(page.url());
      String first = hashes.putIfAbsent(hash, id);
      String duplicateOf = first == null || first.equals(id) ? null : first;
      Article article = assembler.assemble(page, extraction, duplicateOf, clock.instant());
      context.forward(record.withKey(article.id()).withValue(article));
    }
  }
}
