package dev.khabar.enrich.cli;

import dev.khabar.common.charset.PageFile;
import dev.khabar.common.contract.Entity;
import dev.khabar.common.contract.Json;
import dev.khabar.enrich.clean.ArticleExtractor;
import dev.khabar.enrich.clean.Extraction;
import dev.khabar.enrich.entities.EntityRecognizer;
import dev.khabar.enrich.entities.cli.ModelsOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code khabar extract [--url URL] FILE...}: the enrich stage's extractor and recognizer on local
 * files, one JSON object per line per file.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description =
        "Extracts title, text, date, author, language and entities from .html or .html.gz files.")
public final class ExtractCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", description = "the pages to read")
  List<Path> files = new ArrayList<>();

  @Option(names = "--url", description = "the page's URL, for relative links and URL dates")
  String url = "";

  @CommandLine.Mixin ModelsOption models = new ModelsOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ArticleExtractor extractor = ArticleExtractor.withDefaults();
    EntityRecognizer recognizer = models.recognizer(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failures = 0;
    for (Path file : files) {
      try {
        String html = PageFile.read(file);
        String pageUrl = url.isEmpty() ? file.toAbsolutePath().toUri().toString() : url;
        Extraction extraction = extractor.extract(html, pageUrl);
        out.println(
            Json.toString(
                line(
                    file,
                    extraction,
                    recognizer.recognize(extraction.text(), extraction.language()))));
      } catch (IOException | RuntimeException e) {
        failures++;
        err.println(file + ": " + e.getMessage());
      }
    }
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  private static Map<String, Object> line(Path file, Extraction extraction, List<Entity> entities) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("file", file.toString());
    line.put("title", extraction.title());
    line.put("text", extraction.text());
    line.put("published", extraction.publishedAt());
    line.put("author", extraction.author());
    line.put("language", extraction.language());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Entity entity : entities) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("text", entity.text());
      item.put("type", entity.type());
      if (!entity.id().startsWith("name:")) {
        item.put("id", entity.id());
        item.put("name", entity.name());
      }
      list.add(item);
    }
    line.put("entities", list);
    return line;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ExtractCommand()).execute(args));
  }
}
