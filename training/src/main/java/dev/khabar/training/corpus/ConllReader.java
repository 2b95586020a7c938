package dev.khabar.training.corpus;

import dev.khabar.enrich.entities.tagger.Tags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads CoNLL-style files (plain or {@code .gz}): one token per line with its tag in the last
 * column, a blank line after each sentence. A {@code -DOCSTART-} line or two blank lines in a row
 * end a document; a file with neither is cut into documents of about an article's length ({@link
 * #documents}). Tags are read as IOB2, and an {@code I-} that continues nothing is read as {@code
 * B-}, as conlleval does (wikigold is IO-tagged).
 */
public final class ConllReader {

  /**
   * Tokens per document where a corpus has no document boundaries: ANERcorp's 150,286 tokens came
   * from 316 articles, about 475 tokens each.
   */
  public static final int DOCUMENT_TOKENS = 475;

  private ConllReader() {}

  /** The documents of {@code file}, each a list of consecutive sentences. */
  public static List<List<Sentence>> read(Path file, TagMap map, boolean miscUnlabelled)
      throws IOException {
    List<List<Sentence>> documents = new ArrayList<>();
    List<Sentence> document = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<Integer> tags = new ArrayList<>();
    boolean marked = false;
    int blanks = 0;
    try (BufferedReader r = open(file)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String stripped = line.strip();
        if (stripped.isEmpty() || stripped.startsWith("-DOCSTART-")) {
          flush(document, tokens, tags, miscUnlabelled);
          blanks = stripped.isEmpty() ? blanks + 1 : 2;
          if (blanks >= 2 && !document.isEmpty()) {
            documents.add(List.copyOf(document));
            document.clear();
            marked = true;
          }
          continue;
        }
        blanks = 0;
        String[] cols = stripped.split("[ \t]+");
        if (cols.length < 2) {
          continue; // a token that is itself white space, as in some tweets
        }
        tokens.add(cols[0]);
        tags.add(map.tag(cols[cols.length - 1]));
      }
    }
    flush(document, tokens, tags, miscUnlabelled);
    if (!document.isEmpty()) {
      documents.add(List.copyOf(document));
    }
    if (!marked) {
      List<Sentence> all = new ArrayList<>();
      documents.forEach(all::addAll);
      return documents(all);
    }
    // A file may mark some boundaries and not others (two blank lines at its end only): a
    // "document" of many articles' length is cut as if none were marked.
    List<List<Sentence>> out = new ArrayList<>();
    for (List<Sentence> d : documents) {
      if (d.stream().mapToInt(Sentence::size).sum() > LONGEST_DOCUMENT) {
        out.addAll(documents(d));
      } else {
        out.add(d);
      }
    }
    return out;
  }

  /** Tokens of the longest document read as marked; longer ones are cut ({@link #documents}). */
  static final int LONGEST_DOCUMENT = 10 * DOCUMENT_TOKENS;

  /**
   * Consecutive sentences grouped into documents of about {@link #DOCUMENT_TOKENS} tokens, for
   * corpora that do not mark where one article ends and the next begins.
   */
  public static List<List<Sentence>> documents(List<Sentence> sentences) {
    List<List<Sentence>> documents = new ArrayList<>();
    int from = 0;
    int tokens = 0;
    for (int i = 0; i < sentences.size(); i++) {
      tokens += sentences.get(i).size();
      if (tokens >= DOCUMENT_TOKENS || i == sentences.size() - 1) {
        documents.add(List.copyOf(sentences.subList(from, i + 1)));
        from = i + 1;
        tokens = 0;
      }
    }
    return documents;
  }

  private static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private static void flush(
      List<Sentence> out, List<String> tokens, List<Integer> tags, boolean miscUnlabelled) {
    if (tokens.isEmpty()) {
      return;
    }
    int[] t = tags.stream().mapToInt(Integer::intValue).toArray();
    out.add(new Sentence(tokens, Tags.repair(t), miscUnlabelled));
    tokens.clear();
    tags.clear();
  }
}
