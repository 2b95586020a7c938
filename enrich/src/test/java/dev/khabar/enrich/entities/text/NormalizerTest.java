package dev.khabar.enrich.entities.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalizerTest {

  @Test
  void foldsAlefTaMarbutaAlefMaqsuraDiacriticsAndTatweel() {
    assertEquals("ايران الاسلاميه مصطفي", Normalizer.normalize("إيـران الإسلاميّة مصطفى"));
  }

  @Test
  void mapsNormalisedCharactersBackToSource() {
    assertArrayEquals(new int[] {0, 2, 3}, Normalizer.sourceIndices("بـيت"));
  }

  @Test
  void stripsCombinedProclitics() {
    assertEquals("طهران", Clitics.stem(Normalizer.normalize("وبطهران")));
    assertEquals("منظمه", Clitics.stem(Normalizer.normalize("لمنظمة")));
    assertEquals("منظمه", Clitics.stem(Normalizer.normalize("للمنظمة")));
  }
}
