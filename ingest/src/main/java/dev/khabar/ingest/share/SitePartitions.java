package dev.khabar.ingest.share;

import dev.khabar.ingest.sources.Publisher;
import dev.khabar.ingest.sources.Site;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of the sites topic each site belongs to: the murmur2 hash (Kafka's own key hash)
 * of the site's publisher, the registrable domain of its first source's host, modulo the partition
 * count. Every instance given the same sources computes the same map, and the sites of one
 * publisher share a partition, hence one crawler and one politeness state. Immutable.
 */
public final class SitePartitions {
  private final int count;
  private final Map<Integer, List<Site>> byPartition = new TreeMap<>();
  private final Map<String, Integer> bySiteId = new HashMap<>();

  public SitePartitions(List<Site> sites, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("partition count must be positive, was " + count);
    }
    this.count = count;
    for (Site site : sites) {
      int partition = partitionOf(site);
      byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(site);
      bySiteId.put(site.id(), partition);
    }
    byPartition.replaceAll((partition, list) -> List.copyOf(list));
  }

  public int count() {
    return count;
  }

  /** The partition the site belongs to. */
  public int partitionOf(Site site) {
    byte[] key = publisher(site).getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % count;
  }

  /** The partition of the site with this id, if it is one of the sites. */
  public OptionalInt partitionOf(String siteId) {
    Integer partition = bySiteId.get(siteId);
    return partition == null ? OptionalInt.empty() : OptionalInt.of(partition);
  }

  /** The sites of the partitions, in partition order. */
  public List<Site> sitesOf(Collection<Integer> partitions) {
    List<Site> sites = new ArrayList<>();
    for (int partition : partitions.stream().sorted().toList()) {
      sites.addAll(byPartition.getOrDefault(partition, List.of()));
    }
    return List.copyOf(sites);
  }

  /** The registrable domain of the site's first source's host, else the site's id. */
  static String publisher(Site site) {
    String first = site.sources().get(0).url();
    try {
      String host = URI.create(first).getHost();
      return host == null ? site.id() : Publisher.of(host);
    } catch (IllegalArgumentException e) {
      return site.id();
    }
  }
}
