package dev.khabar.ingest.crawl;

import dev.khabar.common.contract.ContractException;
import dev.khabar.common.contract.Json;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The re-fetch plans of every site, as read from the re-fetch topic (key = URL, value = {@link
 * RefetchPlan} JSON, no value once an article's last re-fetch was made): what a crawler taking a
 * site over carries on. Thread-safe.
 */
public final class RefetchBook {
  private static final Logger LOG = LoggerFactory.getLogger(RefetchBook.class);

  private final Map<String, RefetchPlan> byUrl = new ConcurrentHashMap<>();

  /** Takes one record of the re-fetch topic in. */
  public void apply(byte[] key, byte @Nullable [] value) {
    String url = new String(key, StandardCharsets.UTF_8);
    if (value == null) {
      byUrl.remove(url);
      return;
    }
    try {
      byUrl.put(url, Json.fromBytes(value, RefetchPlan.class));
    } catch (ContractException e) {
      LOG.warn("unreadable re-fetch plan of {}: {}", url, e.getMessage());
    }
  }

  /** The plans of the site's articles, oldest first. */
  public List<RefetchPlan> of(String siteId) {
    return byUrl.values().stream()
        .filter(plan -> plan.siteId().equals(siteId))
        .sorted(Comparator.comparing(RefetchPlan::firstPublishedAt))
        .toList();
  }
}
