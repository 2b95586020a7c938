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
  void foldsHamzaCarriersAndPersianLettersAsPhraseMatchingDoes() {
    assertEquals("مسوول", Normalizer.normalize("مسؤول"));
    assertEquals("كتابخانه", Normalizer.normalize("کتابخانۀ"));
    assertEquals(
        dev.khabar.enrich.language.ArabicScript.fold("رئيس مسؤول"),
        Normalizer.normalize("رئيس مسؤول"));
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
