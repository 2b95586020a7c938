package dev.khabar.ingest.share;

import dev.khabar.common.contract.ContractException;
import dev.khabar.common.contract.Json;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest record of each key of a compacted topic whose JSON records each belong to a site, as
 * read so far (no value removes a key): what a crawler taking a site over carries on from, such as
 * the re-fetch plans (keyed by URL) and the hosts' politeness (keyed by host). Thread-safe.
 *
 * @param <T> the record
 */
public final class SiteRecords<T> {
  private static final Logger LOG = LoggerFactory.getLogger(SiteRecords.class);

  private final Class<T> type;
  private final Function<T, String> site;
  private final Comparator<T> order;
  private final Map<String, T> byKey = new ConcurrentHashMap<>();

  /**
   * @param type the records' class, read from JSON
   * @param site the id of the site a record belongs to
   * @param order the order {@link #of} gives a site's records in
   */
  public SiteRecords(Class<T> type, Function<T, String> site, Comparator<T> order) {
    this.type = type;
    this.site = site;
    this.order = order;
  }

  /** Takes one record of the topic in; an unreadable one is logged and skipped. */
  public void apply(byte[] key, byte @Nullable [] value) {
    String k = new String(key, StandardCharsets.UTF_8);
    if (value == null) {
      byKey.remove(k);
      return;
    }
    try {
      byKey.put(k, Json.fromBytes(value, type));
    } catch (ContractException e) {
      LOG.warn("unreadable {} of {}: {}", type.getSimpleName(), k, e.getMessage());
    }
  }

  /** The records of the site, in the given order. */
  public List<T> of(String siteId) {
    return byKey.values().stream().filter(r -> site.apply(r).equals(siteId)).sorted(order).toList();
  }
}
