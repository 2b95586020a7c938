package dev.khabar.enrich.clean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The pages of {@code sample-site/}, and the visible text of the seed page as a copy of it. */
final class SamplePages {
  /** Maven runs tests in the module directory; the sample site sits beside it. */
  private static final Path SITE = Path.of("..", "sample-site");

  private SamplePages() {}

  static String read(String relative) {
    try {
      return Files.readString(SITE.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Extraction extract(String relative) {
    return ArticleExtractor.withDefaults()
        .extract(read(relative), "http://127.0.0.1:8080/" + relative);
  }

  /**
   * The seed's lead and body paragraphs: after the headline, without the source tag and «اقرأ
   * أيضا:».
   */
  static List<String> seedParagraphs() {
    List<String> lines = seedLines();
    int end = lines.indexOf("أهم الأخبار");
    return lines.subList(2, end).stream()
        .filter(
            s -> !s.equals(lines.get(1)) && !s.equals("الكوثر_ايران") && !s.equals("اقرأ أيضا:"))
        .toList();
  }

  /** The seed's visible text, which the sample site keeps beside the page built from it. */
  static List<String> seedLines() {
    try {
      String text =
          Files.readString(
              SITE.resolve("ar/alkawthar-eco-cybersecurity.txt"), StandardCharsets.UTF_8);
      return Arrays.stream(text.split("\n"))
          .map(s -> s.replace('\u00A0', ' ').strip())
          .filter(s -> !s.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
