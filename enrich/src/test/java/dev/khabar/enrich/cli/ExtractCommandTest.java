package dev.khabar.enrich.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {

  @TempDir Path dir;

  private record Run(int exitCode, List<JsonNode> lines, String err) {}

  private Run run(String... args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ExtractCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(json.readTree(line));
      }
    }
    return new Run(code, lines, err.toString());
  }

  private Path page(String name, String headline, String city) throws IOException {
    String paragraph =
        "The minister of "
            + city
            + " spoke to reporters on Monday about the new budget and the plans of the city"
            + " council for the coming year, which include schools, roads and a new hospital. ";
    return article(name, headline, paragraph);
  }

  private Path article(String name, String headline, String paragraph) throws IOException {
    String html =
        "<html><head><title>"
            + headline
            + "</title></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            + "<article><h1>"
            + headline
            + "</h1><p>"
            + paragraph.repeat(3)
            + "</p><p>"
            + paragraph.repeat(2)
            + "</p></article><footer>All rights reserved</footer></body></html>";
    return Files.writeString(dir.resolve(name), html);
  }

  @Test
  void printsOnePageALineInTheOrderGivenAndNamesThePageItCannotRead() throws IOException {
    List<String> args = new ArrayList<>(List.of("--threads", "3"));
    List<String> cities = List.of("Tehran", "Cairo", "London", "Baghdad", "Paris", "Beirut");
    for (int i = 0; i < cities.size(); i++) {
      args.add(page("page-" + i + ".html", "News from " + cities.get(i), cities.get(i)).toString());
    }
    Path missing = dir.resolve("missing.html");
    args.add(2, missing.toString());

    Run run = run(args.toArray(String[]::new));

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains(missing.toString()), run.err());
    assertEquals(cities.size(), run.lines().size());
    for (int i = 0; i < cities.size(); i++) {
      JsonNode line = run.lines().get(i);
      assertEquals("News from " + cities.get(i), line.get("title").asText());
      assertEquals("en", line.get("language").asText());
      List<String> places = new ArrayList<>();
      line.get("entities").forEach(e -> places.add(e.get("text").asText()));
      assertTrue(places.contains(cities.get(i)), places.toString());
    }
  }

  @Test
  void givesTheIdAndNameOfAListedEntityButNotOfAName() throws IOException {
    String paragraph =
        "Chancellor Angela Merkel met the businessman Jonas Vellacott in Berlin on Monday to talk"
            + " about the budget, the schools and the roads of the city for the coming year. ";
    Path page = article("p.html", "Merkel in Berlin", paragraph.repeat(4));

    Run run = run(page.toString());

    assertEquals(0, run.exitCode(), run.err());
    Map<String, JsonNode> byText = new HashMap<>();
    run.lines().getFirst().get("entities").forEach(e -> byText.put(e.get("text").asText(), e));
    JsonNode merkel = byText.get("Angela Merkel");
    assertEquals("list:angela merkel", merkel.get("id").asText(), byText.toString());
    assertEquals("Angela Merkel", merkel.get("name").asText());
    JsonNode unlisted = byText.get("Jonas Vellacott");
    assertEquals("PER", unlisted.get("type").asText(), byText.toString());
    assertFalse(unlisted.has("id"), unlisted.toString());
  }

  @Test
  void stopsWithAUsageErrorWhenTheModelsDirectoryHoldsNoModel() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("models"));
    Run run = run("--models", empty.toString(), page("p.html", "News", "Cairo").toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains(empty.toAbsolutePath().toString()), run.err());
    assertTrue(run.lines().isEmpty());
  }
}
