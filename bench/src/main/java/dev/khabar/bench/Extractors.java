package dev.khabar.bench;

import de.l3s.boilerpipe.BoilerpipeProcessingException;
import dev.khabar.enrich.clean.ArticleExtractor;
import dev.khabar.enrich.clean.ExtractionScorer;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The extractors compared, each as HTML and URL in, plain text out. Each is thread-safe: Khabar's
 * and boilerpipe's hold no per-page state, and Readability4J gets a new instance per page.
 */
enum Extractors implements ExtractionScorer.Extractor {
  KHABAR("khabar") {
    private final ArticleExtractor extractor = ArticleExtractor.withDefaults();

    @Override
    public String text(String html, String url) {
      return extractor.extract(html, url).text();
    }
  },
  READABILITY4J("readability4j 1.0.8") {
    @Override
    public String text(String html, String url) {
      Article article = new Readability4J(url, html).parse();
      String text = article.getTextContent();
      return text == null ? "" : text;
    }
  },
  BOILERPIPE("boilerpipe 1.2.2") {
    @Override
    public String text(String html, String url) throws BoilerpipeProcessingException {
      String text = de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(html);
      return text == null ? "" : text;
    }
  };

  static {
    // Readability4J logs each page whose URL java.net.URI rejects, with the whole article's HTML:
    // that costs it time it would not spend in a quiet deployment, and floods the report.
    Configurator.setLevel("net.dankito.readability4j", Level.OFF);
  }

  private final String label;

  Extractors(String label) {
    this.label = label;
  }

  /** The name and version shown in reports. */
  String label() {
    return label;
  }
}
