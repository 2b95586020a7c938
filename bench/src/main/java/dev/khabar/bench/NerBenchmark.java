package dev.khabar.bench;

import dev.khabar.common.contract.Entity;
import dev.khabar.enrich.entities.EntityRecognizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Tokens per second of the whole entity path ({@code EntityRecognizer.recognize}: tokenising,
 * gazetteer matching, tagging, linking) on Arabic news text from ANERcorp, cut into documents of
 * exactly {@value #TOKENS} tokens. The score (ops/s) is tokens per second per thread.
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
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class NerBenchmark {
  static final int TOKENS = 1000;

  /** The NER data directory (with ar/anercorp-camellab-train.txt). */
  @Param({"../shared/data/ner"})
  public String data;

  private final EntityRecognizer recognizer = EntityRecognizer.load();
  private List<String> documents = List.of();
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    List<String> tokens = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(data, "ar", "anercorp-camellab-train.txt"))) {
      if (!line.isBlank()) {
        tokens.add(line.split("\\s+")[0]);
      }
    }
    List<String> docs = new ArrayList<>();
    for (int start = 0; start + TOKENS <= tokens.size(); start += TOKENS) {
      docs.add(String.join(" ", tokens.subList(start, start + TOKENS)));
    }
    documents = docs;
  }

  @Benchmark
  @OperationsPerInvocation(TOKENS)
  public List<Entity> recognize() {
    String document = documents.get(next);
    next = next + 1 == documents.size() ? 0 : next + 1;
    return recognizer.recognize(document, "ar");
  }
}
