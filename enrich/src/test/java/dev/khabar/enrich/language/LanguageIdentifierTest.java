package dev.khabar.enrich.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  private static final LanguageIdentifier IDENTIFIER = LanguageIdentifier.withDefaults();

  @Test
  void arabic() {
    assertEquals("ar", IDENTIFIER.identify("قال النائب الأول للرئيس الإيراني إن الدول الأعضاء في منظمة التعاون الاقتصادي معرضة لخطر الأمن السيبراني."));
  }

  @Test
  void persian() {
    assertEquals("fa", IDENTIFIER.identify("معاون اول رئیس جمهور گفت کشورهای عضو سازمان همکاری اقتصادی در معرض خطر امنیت سایبری هستند."));
  }

  @Test
  void urdu() {
    assertEquals("ur", IDENTIFIER.identify("ایران کے نائب صدر نے کہا کہ اقتصادی تعاون تنظیم کے رکن ممالک سائبر سیکیورٹی کے خطرے سے دوچار ہیں۔"));
  }

  @Test
  void persianWithoutPersianOnlyLetters() {
    assertEquals("fa", IDENTIFIER.identify("این سازمان در تهران است و همه کشورهای عضو باید در این راه تلاش کنند."));
  }

  @Test
  void english() {
    assertEquals("en", IDENTIFIER.identify("Trade ministers agreed on Sunday to set up a single customs window for transit cargo."));
  }

  @Test
  void tooShortIsUndetermined() {
    assertEquals("und", IDENTIFIER.identify("خبر"));
  }

  @Test
  void iso3CodesMapToIso1() {
    assertEquals("ar", LanguageIdentifier.toIso1("ara"));
    assertEquals("fa", LanguageIdentifier.toIso1("pes"));
    assertEquals("ur", LanguageIdentifier.toIso1("urd"));
  }
}
