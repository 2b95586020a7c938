package dev.khabar.ingest.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesFileTest {
  private static List<Site> read(String json) throws Exception {
    return SourcesFile.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        "test.json",
        SourcesFile.Defaults.STANDARD);
  }

  @Test
  void siteSettingsOverrideDefaults() throws Exception {
    List<Site> sites =
        read(
            """
            {"defaults": {"delay": "5s"},
             "sites": [{"id": "kawthar", "feeds": ["https://example.org/rss"], "max_poll": "10m"},
                       {"id": "sec", "sections": ["https://example.org/news"], "article_pattern": "/news/\\\\d+"}]}
            """);

    assertEquals(Duration.ofSeconds(5), sites.get(0).delay());
    assertEquals(Duration.ofMinutes(10), sites.get(0).maxPoll());
    assertEquals(Source.Kind.SECTION, sites.get(1).sources().get(0).kind());
  }

  @Test
  void unknownKeyIsRejected() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                read(
                    "{\"sites\": [{\"id\": \"a\", \"feeds\": [\"https://e.org/\"], \"dealy\": \"1s\"}]}"));
    assertTrue(error.getMessage().contains("unknown key 'dealy'"), error.getMessage());
  }

  @Test
  void sectionWithoutPatternIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> read("{\"sites\": [{\"id\": \"a\", \"sections\": [\"https://e.org/\"]}]}"));
  }

  @Test
  void bundledSourcesAreValid() throws Exception {
    assertTrue(SourcesFile.bundled(SourcesFile.Defaults.STANDARD).size() >= 4);
  }
}
