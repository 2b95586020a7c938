package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TitleFinderTest {
  @Test
  void stripsArabicSiteSuffix() {
    assertEquals(
        "عارف يلتقي أمين إيكو",
        TitleFinder.strip("عارف يلتقي أمين إيكو - قناة الكوثر", "قناة الكوثر"));
  }

  @Test
  void stripsPipeSuffixWithoutKnownSiteName() {
    assertEquals(
        "Ministers agree on rail links",
        TitleFinder.strip("Ministers agree on rail links | Gulf Ledger", null));
  }

  @Test
  void stripsSiteNamePrefix() {
    assertEquals(
        "البصرة تستعيد نخيلها",
        TitleFinder.strip("صحيفة الرافدين | البصرة تستعيد نخيلها", "صحيفة الرافدين"));
  }

  @Test
  void keepsColonInHeadline() {
    assertEquals(
        "عراقجي: الحوار هو الحل", TitleFinder.strip("عراقجي: الحوار هو الحل", "قناة الكوثر"));
  }
}
