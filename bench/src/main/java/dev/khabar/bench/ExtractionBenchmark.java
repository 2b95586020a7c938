package dev.khabar.bench;

import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.RawPage;
import dev.khabar.enrich.clean.ArticleExtractor;
import dev.khabar.enrich.entities.EntityRecognizer;
import dev.khabar.enrich.stream.ArticleAssembler;
import dev.khabar.enrich.stream.ExtractedPage;
import dev.khabar.enrich.stream.NoArticleTextException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pages per second of Khabar's extractor, Readability4J and boilerpipe's ArticleExtractor over the
 * same pages of the trafilatura benchmark. Each call extracts one page, cycling through the set, so
 * the score (ops/s) is pages per second per thread; run with {@code -t 1} for per-core speed.
 * {@code enrich} is the whole of what the enrich service does to a page, as its stream does it:
 * extraction (text, metadata, language), the content hash, entities and the article record; {@code
 * jsoup} the HTML parse alone.
 *
 * <pre>
 * java -jar bench/target/khabar-bench.jar ExtractionBenchmark -p data=../shared/data/extraction
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// As the enrich service runs: its entity tables are read at random (see NerBenchmark).
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "-XX:+UseTransparentHugePages"})
public class ExtractionBenchmark {
  /**
   * The corpus directory; empty: the {@code khabar.bench.data} property, else
   * ../shared/data/extraction.
   */
  @Param({""})
  public String data;

  /** How many pages to cycle through. */
  @Param({"200"})
  public int pages;

  /**
   * Only pages in this language (ISO 639-1, as Khabar identifies it), taken evenly from the whole
   * corpus; empty: pages of every language.
   */
  @Param({""})
  public String language;

  private static final Instant FETCHED_AT = Instant.parse("2026-01-01T00:00:00Z");

  private List<Corpus.Page> set = List.of();
  private int next;
  private final ArticleAssembler assembler =
      new ArticleAssembler(ArticleExtractor.withDefaults(), EntityRecognizer.load());

  @Setup(Level.Trial)
  public void load() throws Exception {
    if (language.isBlank()) {
      set = Corpus.load(Corpus.dataDir(data), pages);
    } else {
      ArticleExtractor extractor = ArticleExtractor.withDefaults();
      List<Corpus.Page> inLanguage = new ArrayList<>();
      for (Corpus.Page p : Corpus.load(Corpus.dataDir(data), Integer.MAX_VALUE)) {
        if (language.equals(extractor.extract(p.html(), p.url()).language())) {
          inLanguage.add(p);
        }
      }
      set = new ArrayList<>();
      int n = Math.min(pages, inLanguage.size());
      for (int i = 0; i < n; i++) {
        set.add(inLanguage.get((int) ((long) i * inLanguage.size() / n)));
      }
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException("no page in language " + language);
    }
    // Khabar loads its language model on first use; that is start-up, not extraction.
    Extractors.KHABAR.text(set.get(0).html(), set.get(0).url());
  }

  private Corpus.Page page() {
    Corpus.Page page = set.get(next);
    next = next + 1 == set.size() ? 0 : next + 1;
    return page;
  }

  @Benchmark
  public String khabar() throws Exception {
    Corpus.Page p = page();
    return Extractors.KHABAR.text(p.html(), p.url());
  }

  /** The article, or null for a page without article text (which the service dead-letters). */
  @Benchmark
  public @Nullable Article enrich() {
    Corpus.Page p = page();
    RawPage raw =
        new RawPage(p.url(), p.url(), FETCHED_AT, 200, "text/html", "UTF-8", p.html(), "bench");
    try {
      ExtractedPage page = assembler.extract(raw);
      String hash = ArticleAssembler.contentHash(page.extraction().text());
      return assembler.assemble(page, hash, null, FETCHED_AT);
    } catch (NoArticleTextException e) {
      return null;
    }
  }

  /** jsoup's parse alone, the floor under every extractor here. */
  @Benchmark
  public Document jsoup() {
    Corpus.Page p = page();
    return Jsoup.parse(p.html(), p.url());
  }

  @Benchmark
  public String readability4j() throws Exception {
    Corpus.Page p = page();
    return Extractors.READABILITY4J.text(p.html(), p.url());
  }

  @Benchmark
  public String boilerpipe() throws Exception {
    Corpus.Page p = page();
    return Extractors.BOILERPIPE.text(p.html(), p.url());
  }
}
