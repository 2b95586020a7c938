package dev.khabar.enrich.entities.cli;

import dev.khabar.enrich.entities.EntityRecognizer;
import dev.khabar.enrich.entities.tagger.Tags;
import dev.khabar.enrich.language.LanguageIdentifier;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Tags a CoNLL-style token file with the shipped recogniser, one token and its IOB2 tag per line.
 * Lines starting with {@code -DOCSTART-} separate documents: the second pass sees how a word was
 * tagged anywhere in its own document, and each document's language is identified from its text
 * unless {@code --language} is given. Every input line gets one output line: a token its tag, a
 * blank line a blank line, a {@code -DOCSTART-} line itself with {@code O}.
 */
@Command(
    name = "ner",
    mixinStandardHelpOptions = true,
    description = "Prints each token of FILE with its predicted IOB2 tag, tab-separated.")
public final class Ner implements Callable<Integer> {

  @Parameters(
      paramLabel = "FILE",
      description =
          "One token per line (extra columns ignored), blank line between sentences,"
              + " -DOCSTART- between documents.")
  Path file = Path.of("");

  @Option(
      names = "--language",
      description =
          "ISO 639-1 code of the text (ar, en, fa, ...); default: identified per document.")
  @Nullable String language;

  @CommandLine.Mixin ModelsOption models = new ModelsOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Ner()).execute(args));
  }

  /** One line of the input: a token, a sentence break or a document break. */
  private record Line(String text, @Nullable String token, boolean document) {}

  @Override
  public Integer call() throws Exception {
    EntityRecognizer recognizer = models.recognizer(spec);
    LanguageIdentifier identifier = language == null ? LanguageIdentifier.withDefaults() : null;
    List<Line> lines = new ArrayList<>();
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String stripped = raw.strip();
      if (stripped.startsWith("-DOCSTART-")) {
        lines.add(new Line(raw, null, true));
      } else {
        lines.add(new Line(raw, stripped.isEmpty() ? null : stripped.split("[ \t]+")[0], false));
      }
    }
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    int from = 0;
    while (from < lines.size()) {
      if (lines.get(from).document()) {
        out.println(lines.get(from).text().strip() + "\tO");
        from++;
        continue;
      }
      int to = from;
      while (to < lines.size() && !lines.get(to).document()) {
        to++;
      }
      tagDocument(recognizer, identifier, lines.subList(from, to), out);
      from = to;
    }
    out.flush();
    return 0;
  }

  private void tagDocument(
      EntityRecognizer recognizer,
      @Nullable LanguageIdentifier identifier,
      List<Line> lines,
      PrintWriter out) {
    List<List<String>> sentences = new ArrayList<>();
    List<String> sentence = new ArrayList<>();
    for (Line line : lines) {
      if (line.token() == null) {
        if (!sentence.isEmpty()) {
          sentences.add(List.copyOf(sentence));
          sentence.clear();
        }
      } else {
        sentence.add(line.token());
      }
    }
    if (!sentence.isEmpty()) {
      sentences.add(List.copyOf(sentence));
    }
    String text = String.join(" ", sentences.stream().map(s -> String.join(" ", s)).toList());
    String lang = identifier == null ? language : identifier.identify(text);
    List<int[]> tags =
        recognizer.tag(
            sentences, EntityRecognizer.modelLanguage(lang == null ? "und" : lang, text));
    int s = 0;
    int i = 0;
    for (Line line : lines) {
      if (line.token() == null) {
        out.println();
        if (i > 0) {
          s++;
          i = 0;
        }
      } else {
        out.print(line.token());
        out.print('\t');
        out.println(Tags.name(tags.get(s)[i++]));
      }
    }
  }
}
