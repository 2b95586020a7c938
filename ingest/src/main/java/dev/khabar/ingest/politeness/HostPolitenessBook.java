package dev.khabar.ingest.politeness;

import dev.khabar.common.contract.ContractException;
import dev.khabar.common.contract.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The politeness of every site host, as read from the politeness topic (key = host, value = {@link
 * HostPoliteness} JSON): what a crawler taking a site over keeps to. Thread-safe.
 */
public final class HostPolitenessBook {
  private static final Logger LOG = LoggerFactory.getLogger(HostPolitenessBook.class);

  private final Map<String, HostPoliteness> byHost = new ConcurrentHashMap<>();

  /** Takes one record of the politeness topic in. */
  public void apply(byte[] key, byte @Nullable [] value) {
    String host = new String(key, StandardCharsets.UTF_8);
    if (value == null) {
      byHost.remove(host);
      return;
    }
    try {
      byHost.put(host, Json.fromBytes(value, HostPoliteness.class));
    } catch (ContractException e) {
      LOG.warn("unreadable politeness of {}: {}", host, e.getMessage());
    }
  }

  /** The politeness of the hosts the site's crawler asked. */
  public List<HostPoliteness> of(String siteId) {
    return byHost.values().stream().filter(host -> host.siteId().equals(siteId)).toList();
  }
}
