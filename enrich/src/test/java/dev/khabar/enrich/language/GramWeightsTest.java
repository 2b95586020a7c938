package dev.khabar.enrich.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.Arrays;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GramWeightsTest {
  private static MaxentModel model;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = LanguageIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
      model = new LanguageDetectorModel(in).getMaxentModel();
    }
  }

  @Test
  void givesTheModelsOwnProbabilitiesToTheLastBit() {
    GramWeights weights = GramWeights.of(model);
    assertNotNull(weights);
    String[] texts = {
      "Trade ministers agreed on Sunday to set up a single customs window for transit cargo.",
      "قال النائب الأول للرئيس الإيراني إن الدول الأعضاء في منظمة التعاون الاقتصادي",
      "بیشتر بخوانید: یہ بھی پڑھیں",
      "Die Ähnlichkeit ist groß – 13:42 Uhr",
      "中文 日本語 한국어 ΣΑΣ İstanbul ǅ ß \uD83D\uDE00",
      "zzqx",
      ""
    };
    for (String text : texts) {
      String normalized = DetectorText.normalize(text);
      String[] context = CharNgrams.of(normalized);
      long[] grams = CharNgrams.packed(normalized);
      assertNotNull(context, text);
      float[] values = new float[context.length];
      Arrays.fill(values, 1f);
      assertArrayEquals(model.eval(context, values), weights.eval(grams), 0.0, text);
    }
  }
}
