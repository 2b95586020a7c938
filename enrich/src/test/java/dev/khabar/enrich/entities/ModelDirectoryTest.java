package dev.khabar.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

  private static final String ENGLISH =
      "Prime Minister Shehbaz Sharif met the Secretary General of the United Nations in New York"
          + " on Monday, the Foreign Office in Islamabad said.";
  private static final String ARABIC =
      "التقى رئيس الوزراء الباكستاني شهباز شريف في طهران بالأمين العام";

  private static void copy(String resource, Path file) throws IOException {
    try (InputStream in =
        ModelDirectoryTest.class.getResourceAsStream(LanguageModels.RESOURCES + resource)) {
      Files.copy(Objects.requireNonNull(in, resource), file);
    }
  }

  private static List<String> names(EntityRecognizer ner, String text, String language) {
    return ner.recognize(text, language).stream().map(Entity::name).sorted().toList();
  }

  @Test
  void modelsOfADirectoryTagAsTheSameModelsShipped(@TempDir Path dir) throws IOException {
    for (String file : List.of("ner-en.bin.gz", "ner-en-doc.bin.gz", "clusters-en.tsv.gz")) {
      copy(file, dir.resolve(file));
    }
    EntityRecognizer fromDir = EntityRecognizer.load(dir);
    List<String> shipped = names(EntityRecognizer.load(), ENGLISH, "en");

    assertFalse(shipped.isEmpty());
    assertEquals(shipped, names(fromDir, ENGLISH, "en"));
    // Arabic has no model in the directory: the shipped one tags it.
    assertEquals(names(EntityRecognizer.load(), ARABIC, "ar"), names(fromDir, ARABIC, "ar"));
  }

  @Test
  void theDirectorysModelIsTheOneThatTags(@TempDir Path dir) throws IOException {
    // Persian's models under English's names: English text is then tagged by them.
    copy("ner-fa.bin.gz", dir.resolve("ner-en.bin.gz"));
    copy("ner-fa-doc.bin.gz", dir.resolve("ner-en-doc.bin.gz"));

    assertNotEquals(
        names(EntityRecognizer.load(), ENGLISH, "en"),
        names(EntityRecognizer.load(dir), ENGLISH, "en"));
  }

  @Test
  void aDirectoryWithoutModelsIsRefusedWithItsName(@TempDir Path dir) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EntityRecognizer.load(dir));
    assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
  }
}
