package dev.khabar.enrich.entities.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.enrich.entities.text.Normalizer;
import org.junit.jupiter.api.Test;

class TriggersTest {

  private static int category(String word) {
    String norm = Normalizer.normalize(word);
    int rest = norm.startsWith("و") ? Features.hash(norm, 1, norm.length()) : 0;
    return Triggers.category(Features.hash(norm), rest);
  }

  @Test
  void aReportingVerbAfterAConjunctionIsSpeech() {
    assertEquals(Triggers.SPEECH, category("وتابع"));
  }

  @Test
  void aTitleIsATitleInEitherScript() {
    assertEquals(Triggers.TITLE, category("النائب"));
    assertEquals(Triggers.TITLE, category("Secretary"));
  }

  @Test
  void aNameIsNoTrigger() {
    assertEquals(Triggers.NONE, category("عارف"));
  }
}
