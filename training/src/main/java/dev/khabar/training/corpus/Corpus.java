package dev.khabar.training.corpus;

import dev.khabar.enrich.entities.tagger.Tags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads CoNLL-style files: one token per line, its tag in the last column, a blank line between
 * sentences. Tag sets differ per corpus; {@link Format} maps them to {@link Tags}.
 */
public final class Corpus {

  /** How a corpus writes its tags. */
  public enum Format {
    /** ANERcorp: IOB2 with {@code PERS} for persons. */
    ANERCORP(Map.of("PERS", "PER", "PER", "PER", "ORG", "ORG", "LOC", "LOC", "MISC", "MISC")),
    /** CoNLL types (wikigold is IO-tagged, BTC is IOB2); repair turns both into IOB2. */
    CONLL(Map.of("PER", "PER", "ORG", "ORG", "LOC", "LOC", "MISC", "MISC")),
    /** WNUT 2017 emerging-entity types. */
    WNUT(
        Map.of(
            "person",
            "PER",
            "location",
            "LOC",
            "corporation",
            "ORG",
            "group",
            "ORG",
            "creative-work",
            "MISC",
            "product",
            "MISC"));

    private final Map<String, String> types;

    Format(Map<String, String> types) {
      this.types = types;
    }

    int tag(String raw) {
      if (raw.equals("O")) {
        return Tags.O;
      }
      String type = types.get(raw.substring(2));
      if (type == null) {
        throw new IllegalArgumentException("unknown tag " + raw + " for format " + this);
      }
      return Tags.parse(raw.charAt(0) + "-" + type);
    }
  }

  private Corpus() {}

  public static List<Sentence> read(Path file, Format format) throws IOException {
    List<Sentence> sentences = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<Integer> tags = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] cols = line.strip().split("[ \t]+");
      if (line.isBlank()) {
        flush(sentences, tokens, tags);
        continue;
      }
      if (cols.length < 2) {
        continue; // a token that is itself white space, as in some tweets
      }
      tokens.add(cols[0]);
      tags.add(format.tag(cols[cols.length - 1]));
    }
    flush(sentences, tokens, tags);
    return sentences;
  }

  private static void flush(List<Sentence> out, List<String> tokens, List<Integer> tags) {
    if (tokens.isEmpty()) {
      return;
    }
    int[] t = tags.stream().mapToInt(Integer::intValue).toArray();
    out.add(new Sentence(List.copyOf(tokens), Tags.repair(t)));
    tokens.clear();
    tags.clear();
  }
}
