package dev.khabar.enrich;

import dev.khabar.common.contract.RawPage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The environment and raw pages the enrich service's integration tests share. */
final class EnrichFixtures {

  private EnrichFixtures() {}

  /**
   * One enrich instance on topics and an application id of their own ({@code suffix}), one thread,
   * two partitions, any free HTTP port; the caller adds to it.
   */
  static Map<String, String> env(String bootstrap, String suffix, Path stateDir) {
    Map<String, String> env = new HashMap<>();
    env.put("KHABAR_KAFKA_BOOTSTRAP", bootstrap);
    env.put("KHABAR_TOPIC_PAGES_RAW", "khabar.pages.raw" + suffix);
    env.put("KHABAR_TOPIC_ARTICLES", "khabar.articles" + suffix);
    env.put("KHABAR_TOPIC_ENRICH_DLQ", "khabar.enrich.dlq" + suffix);
    env.put("KHABAR_TOPIC_PARTITIONS", "2");
    env.put("KHABAR_ENRICH_APPLICATION_ID", "khabar-enrich" + suffix);
    env.put("KHABAR_ENRICH_STATE_DIR", stateDir.toString());
    env.put("KHABAR_ENRICH_THREADS", "1");
    env.put("KHABAR_HTTP_PORT", "0");
    return env;
  }

  /**
   * An Arabic news page of site {@code site}, number {@code number}, fetched that many seconds
   * after a fixed instant; {@code extra} closes the article (a tagline, say, or nothing).
   */
  static RawPage page(String site, int number, String extra) {
    String url = "https://" + site + ".example/news/" + number;
    String html =
        "<html><body><article><h1>خبر رقم "
            + number
            + "</h1><p>افتتحت البلدية اليوم المرحلة "
            + number
            + " من مشروع تأهيل الطرق في وسط المدينة بكلفة كبيرة.</p>"
            + "<p>وقال رئيس البلدية إن الأعمال ستنتهي خلال "
            + (number + 2)
            + " أشهر وفق الجدول المعتمد للمشروع.</p>"
            + extra
            + "</article></body></html>";
    return new RawPage(
        url,
        url,
        Instant.parse("2026-11-29T08:00:00Z").plusSeconds(number),
        200,
        "text/html",
        "UTF-8",
        html,
        site);
  }
}
