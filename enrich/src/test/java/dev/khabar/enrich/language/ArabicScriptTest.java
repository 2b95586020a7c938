package dev.khabar.enrich.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArabicScriptTest {
  @Test
  void foldsHamzaAlefTatweelAndDiacritics() {
    assertEquals(ArabicScript.fold("اقرا ايضا"), ArabicScript.fold("إقرأ أيضـــاً:"));
  }

  @Test
  void foldsTehMarbutaAndYeh() {
    // Hamza is dropped: «قراءة» is also written «قراة».
    assertEquals("الاكثر قراه", ArabicScript.fold("الأكثر قراءة"));
    assertEquals(ArabicScript.fold("علي"), ArabicScript.fold("على"));
  }

  @Test
  void asciiDigits() {
    assertEquals("21 يوليو 2024", ArabicScript.asciiDigits("٢١ يوليو ۲۰۲۴"));
  }
}
