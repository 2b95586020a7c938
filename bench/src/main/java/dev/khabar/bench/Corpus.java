package dev.khabar.bench;

import dev.khabar.common.charset.PageFile;
import dev.khabar.enrich.clean.ExtractionScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Pages of the trafilatura benchmark loaded into memory, so a benchmark measures no disk reads. */
final class Corpus {
  /** The system property naming the corpus directory, for runs that do not pass a JMH param. */
  static final String DATA_PROPERTY = "khabar.bench.data";

  static final String DEFAULT_DATA = "../shared/data/extraction";

  private Corpus() {}

  /** One page: its URL and its HTML. */
  record Page(String url, String html) {}

  /** The directory given, else the system property, else {@value #DEFAULT_DATA}. */
  static Path dataDir(String given) {
    String dir = given.isBlank() ? System.getProperty(DATA_PROPERTY, DEFAULT_DATA) : given;
    return Path.of(dir);
  }

  /**
   * Up to {@code count} pages, taken evenly across the corpus so that they mix its sites and
   * languages rather than follow the order of its index.
   */
  static List<Page> load(Path data, int count) throws IOException {
    if (count <= 0) {
      throw new IllegalArgumentException("count must be positive, was " + count);
    }
    ExtractionScorer scorer = ExtractionScorer.of(data);
    if (!Files.isDirectory(data.resolve("trafilatura"))) {
      throw new IllegalArgumentException("no trafilatura/ under " + data.toAbsolutePath());
    }
    List<ExtractionScorer.Page> all = scorer.trafilaturaPages();
    int n = Math.min(count, all.size());
    List<Page> pages = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ExtractionScorer.Page page = all.get((int) ((long) i * all.size() / n));
      pages.add(new Page(page.url(), PageFile.read(page.file())));
    }
    return pages;
  }
}
