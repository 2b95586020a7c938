package dev.khabar.ingest.urls;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Turns the many spellings of an article's address into one: lower-case scheme and host, no default
 * port, no fragment, no tracking parameters, normalised path escapes (crawler-commons' {@link
 * BasicURLNormalizer}, as StormCrawler and Nutch use it). Thread-safe.
 */
public final class UrlCanonicalizer {
  /** Parameters that identify a campaign or a click, never the article. */
  private static final Set<String> TRACKING_PARAMETERS =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "yclid",
          "mc_cid",
          "mc_eid",
          "igshid",
          "ocid",
          "cmpid",
          "_ga",
          "_gl",
          "ref_src",
          "ref_url",
          "at_medium",
          "at_campaign",
          "spm",
          "share",
          "amp");

  private static final List<String> TRACKING_PREFIXES = List.of("utm_", "pk_", "mtm_", "hsa_");

  private final BasicURLNormalizer normalizer = new BasicURLNormalizer();

  /**
   * The canonical form of an absolute http(s) URL, or empty when it is not one (mailto:, relative,
   * malformed).
   */
  public Optional<String> canonicalize(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
      return Optional.empty();
    }
    String withoutTracking = withoutTrackingParameters(uri);
    String normalized = normalizer.filter(withoutTracking);
    return Optional.ofNullable(normalized);
  }

  /** Resolves a link against the page it was found on, then canonicalises it. */
  public Optional<String> resolve(String base, String link) {
    try {
      return canonicalize(new URI(base).resolve(link.trim()).toString());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String withoutTrackingParameters(URI uri) {
    String rawQuery = uri.getRawQuery();
    StringBuilder url = new StringBuilder();
    url.append(uri.getScheme()).append("://").append(uri.getRawAuthority());
    url.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    if (rawQuery != null) {
      StringJoiner kept = new StringJoiner("&");
      for (String parameter : rawQuery.split("&")) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        if (!parameter.isEmpty() && !isTracking(name)) {
          kept.add(parameter);
        }
      }
      if (kept.length() > 0) {
        url.append('?').append(kept);
      }
    }
    // The fragment is dropped here: it never selects a different article.
    return url.toString();
  }

  private static boolean isTracking(String name) {
    return TRACKING_PARAMETERS.contains(name)
        || TRACKING_PREFIXES.stream().anyMatch(name::startsWith);
  }
}
