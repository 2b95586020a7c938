package dev.khabar.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
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

  private List<Corpus.Page> set = List.of();
  private int next;

  @Setup(Level.Trial)
  public void load() throws Exception {
    set = Corpus.load(Corpus.dataDir(data), pages);
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
