package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "شاركوا هذا الخبر", "اقرأ أيضا:", "اقرأ أيضاً", "إقرأ أيضا", "اقرأ ايضـــا", "أهم الأخبار",
        "الأكثر مشاهدة", "الاكثر قراءة", "بیشتر بخوانید", "یہ بھی پڑھیں", "Share this", "Read more",
        "Related stories", "Most viewed", "Most read", "Comments (12)", "Ähnliche Artikel"
      })
  void recognisesHeaders(String header) {
    assertTrue(Boilerplate.isHeader(header), header);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Share prices fell",
        "اقرأ أيضا ما قاله الوزير في المؤتمر الصحفي أمس",
        "Related parties"
      })
  void leavesSentencesAlone(String text) {
    assertFalse(Boilerplate.isHeader(text), text);
  }
}
