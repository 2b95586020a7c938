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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
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

  @Option(
      names = "--threads",
      description = "Pages extracted at once (default: the number of cores, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  /** A page's output line, or the message of what went wrong with it. */
  private record Outcome(@Nullable String line, @Nullable String error) {}

  /**
   * Pages are extracted on {@link #threads} threads and printed in the order given, at most a few
   * pages per thread ahead of the printing; the entity models (about a second to load) load while
   * the first pages are read and extracted.
   */
  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    ArticleExtractor extractor = ArticleExtractor.withDefaults();
    CompletableFuture<EntityRecognizer> recognizer =
        CompletableFuture.supplyAsync(
            () -> models.recognizer(spec), task -> Thread.ofPlatform().daemon().start(task));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failures = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Deque<Future<Outcome>> pending = new ArrayDeque<>();
      Iterator<Path> next = files.iterator();
      while (next.hasNext() || !pending.isEmpty()) {
        while (next.hasNext() && pending.size() < 4 * threads) {
          Path file = next.next();
          pending.add(pool.submit(() -> process(file, extractor, recognizer)));
        }
        Outcome outcome = result(pending.removeFirst());
        if (outcome.line() != null) {
          out.println(outcome.line());
        } else {
          failures++;
          err.println(outcome.error());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  /** The outcome; a failure to load the models is thrown, since it stops every page. */
  private static Outcome result(Future<Outcome> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw cause instanceof Exception ex ? ex : e;
    }
  }

  private Outcome process(
      Path file, ArticleExtractor extractor, CompletableFuture<EntityRecognizer> recognizer) {
    Extraction extraction;
    try {
      String html = PageFile.read(file);
      String pageUrl = url.isEmpty() ? file.toAbsolutePath().toUri().toString() : url;
      extraction = extractor.extract(html, pageUrl);
    } catch (IOException | RuntimeException e) {
      return new Outcome(null, file + ": " + e.getMessage());
    }
    EntityRecognizer entities = recognizer.join();
    try {
      List<Entity> found = entities.recognize(extraction.text(), extraction.language());
      return new Outcome(Json.toString(line(file, extraction, found)), null);
    } catch (RuntimeException e) {
      return new Outcome(null, file + ": " + e.getMessage());
    }
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
