package dev.khabar.enrich.entities.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NerTest {

  @TempDir Path dir;

  private List<String> run(String input, String... options) throws IOException {
    Path file = dir.resolve("tokens.txt");
    Files.writeString(file, input, StandardCharsets.UTF_8);
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      String[] args = new String[options.length + 1];
      System.arraycopy(options, 0, args, 0, options.length);
      args[options.length] = file.toString();
      assertEquals(0, new CommandLine(new Ner()).execute(args));
    } finally {
      System.setOut(stdout);
    }
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void tagsEachDocumentInItsOwnLanguageWithOneLinePerInputLine() throws IOException {
    List<String> out =
        run(
            "-DOCSTART- -X- O\n\nBarack NNP\nObama NNP\nvisited VBD\nParis NNP\n. .\n\n"
                + "-DOCSTART- -X- O\n\nوصل\nالرئيس\nالإيراني\nإلى\nبغداد\n.\n");
    assertEquals(
        List.of(
            "-DOCSTART- -X- O\tO",
            "",
            "Barack\tB-PER",
            "Obama\tI-PER",
            "visited\tO",
            "Paris\tB-LOC",
            ".\tO",
            "",
            "-DOCSTART- -X- O\tO",
            "",
            "وصل\tO",
            "الرئيس\tO",
            "الإيراني\tO",
            "إلى\tO",
            "بغداد\tB-LOC",
            ".\tO"),
        out);
  }

  @Test
  void aGivenLanguagePicksItsModel() throws IOException {
    List<String> out = run("Barack\nObama\nvisited\nParis\n", "--language", "en");
    assertEquals(List.of("Barack\tB-PER", "Obama\tI-PER", "visited\tO", "Paris\tB-LOC"), out);
  }
}
