package dev.khabar.bench;

import dev.khabar.common.contract.Entity;
import dev.khabar.enrich.entities.EntityRecognizer;
import dev.khabar.enrich.entities.LanguageModels;
import dev.khabar.enrich.entities.gazetteer.Gazetteers;
import dev.khabar.enrich.entities.tagger.DocumentTagger;
import dev.khabar.enrich.entities.tagger.Tagger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tokens per second on Arabic news text from ANERcorp and English web text from UNER (Persian
 * tweets from ParsTwiNER with {@code -p language=fa}), cut into documents of exactly {@value
 * #TOKENS} tokens: {@code recognize}, the whole entity path ({@code EntityRecognizer.recognize}:
 * tokenising, sentence splitting, gazetteer matching, both tagging passes, linking); {@code tag},
 * the tagger alone on the corpus's own sentences and tokens ({@code DocumentTagger.tag}, as the
 * {@code ner} command runs it: gazetteer matching, features, both passes). The score (ops/s) is
 * tokens per second per thread.
 *
 * <pre>
 * java -jar bench/target/khabar-bench.jar NerBenchmark -t 1 -p data=../shared/data/ner
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// As the enrich service runs (its image and ./khabar ask for transparent huge pages): the weight
// tables are read at random, and with 4 KB pages much of that time is TLB misses.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "-XX:+UseTransparentHugePages"})
public class NerBenchmark {
  static final int TOKENS = 1000;

  /** The NER data directory (with the corpora of {@link #CORPORA}). */
  @Param({"../shared/data/ner"})
  public String data;

  /** The language of the text and the model: ar, en or fa. */
  @Param({"ar", "en"})
  public String language;

  /** The text of each language: news for Arabic, web text for English, tweets for Persian. */
  static final Map<String, String> CORPORA =
      Map.of(
          "ar", "ar/anercorp-camellab-train.txt",
          "en", "en/uner-ewt/train-prerelease.txt",
          "fa", "fa/parstwiner/train.txt");

  private final EntityRecognizer recognizer = EntityRecognizer.load();
  // Set for the benchmark's language in load(); the shipped recogniser's own until then.
  private DocumentTagger tagger = LanguageModels.load("ar").tagger(Gazetteers.shipped());
  private List<String> documents = List.of();
  private List<List<List<String>>> tokenized = List.of();
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    tagger = LanguageModels.load(language).tagger(Gazetteers.shipped());
    List<List<String>> sentences = new ArrayList<>();
    List<String> sentence = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(data).resolve(CORPORA.get(language)))) {
      if (line.isBlank()) {
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
          sentence = new ArrayList<>();
        }
      } else {
        sentence.add(line.split("\\s+")[0]);
      }
    }
    // Documents of exactly TOKENS tokens, a sentence cut where a document ends.
    List<String> docs = new ArrayList<>();
    List<List<List<String>>> split = new ArrayList<>();
    List<List<String>> doc = new ArrayList<>();
    int size = 0;
    for (List<String> s : sentences) {
      for (int from = 0; from < s.size(); ) {
        int to = Math.min(s.size(), from + TOKENS - size);
        doc.add(s.subList(from, to));
        size += to - from;
        from = to;
        if (size == TOKENS) {
          split.add(doc);
          docs.add(String.join(" ", doc.stream().flatMap(List::stream).toList()));
          doc = new ArrayList<>();
          size = 0;
        }
      }
    }
    documents = docs;
    tokenized = split;
  }

  private int nextDocument() {
    int d = next;
    next = next + 1 == documents.size() ? 0 : next + 1;
    return d;
  }

  @Benchmark
  @OperationsPerInvocation(TOKENS)
  public List<Entity> recognize() {
    return recognizer.recognize(documents.get(nextDocument()), language);
  }

  @Benchmark
  @OperationsPerInvocation(TOKENS)
  public List<Tagger.Tagging> tag() {
    return tagger.tag(tokenized.get(nextDocument()));
  }
}
