package dev.khabar.enrich.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  private static final LanguageIdentifier IDENTIFIER = LanguageIdentifier.withDefaults();

  @Test
  void arabic() {
    assertEquals(
        "ar",
        IDENTIFIER.identify(
            "قال النائب الأول للرئيس الإيراني إن الدول الأعضاء في منظمة التعاون الاقتصادي معرضة لخطر الأمن السيبراني."));
  }

  @Test
  void persian() {
    assertEquals(
        "fa",
        IDENTIFIER.identify(
            "معاون اول رئیس جمهور گفت کشورهای عضو سازمان همکاری اقتصادی در معرض خطر امنیت سایبری هستند."));
  }

  @Test
  void urdu() {
    assertEquals(
        "ur",
        IDENTIFIER.identify(
            "ایران کے نائب صدر نے کہا کہ اقتصادی تعاون تنظیم کے رکن ممالک سائبر سیکیورٹی کے خطرے سے دوچار ہیں۔"));
  }

  @Test
  void persianWithoutPersianOnlyLetters() {
    assertEquals(
        "fa",
        IDENTIFIER.identify(
            "این سازمان در تهران است و همه کشورهای عضو باید در این راه تلاش کنند."));
  }

  @Test
  void english() {
    assertEquals(
        "en",
        IDENTIFIER.identify(
            "Trade ministers agreed on Sunday to set up a single customs window for transit cargo."));
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

  @Test
  void rankingIsTheDetectorsToTheLastBit() throws IOException {
    LanguageDetectorModel model;
    try (InputStream in = LanguageIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
      model = new LanguageDetectorModel(in);
    }
    String[] texts = {
      "Trade ministers agreed on Sunday to set up a single customs window for transit cargo.",
      "قال النائب الأول للرئيس الإيراني إن الدول الأعضاء في منظمة التعاون الاقتصادي",
      "Die Ähnlichkeit ist groß – 2024-12-11, 13:42 Uhr; siehe https://example.com/a?b=1 oder mail@example.com",
      "haha jaja HEHE xD :-) ;P rt: RT @user #tag aaa bbbb ooo 1234 5-6 ！ ﻻ 中文 \uD83D\uDE00 end",
      "  lead and trail  \t\n ",
      "\uDBFF\uDFFF lone \uD800 x \uDC00 İstanbul ǅ ß ΣΑΣ",
      ""
    };
    for (String text : texts) {
      Language[] want = new LanguageDetectorME(model).predictLanguages(text);
      Language[] got = LanguageIdentifier.rank(text);
      assertEquals(want.length, got.length, text);
      for (int i = 0; i < want.length; i++) {
        assertEquals(want[i].getLang(), got[i].getLang(), text);
        assertEquals(want[i].getConfidence(), got[i].getConfidence(), 0.0, text);
      }
    }
  }
}
