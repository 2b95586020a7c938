package dev.khabar.enrich.meta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * A page's {@code <meta>} elements, indexed by their attributes' names and values: metadata asks
 * for a few dozen of them by selectors of the form {@code meta[property=og:title]}, and testing
 * every selector against every meta element costs more than reading the elements once.
 *
 * <p>The index only narrows the search: names and values are compared in any case, with any
 * whitespace or control characters around a value left out, so that it holds every element such a
 * selector could match, and the selector still decides.
 */
final class MetaElements {
  /** A selector naming one attribute's value: the key and value it compares. */
  private static final Pattern NAMED = Pattern.compile("meta\\[([^=\\]\\s]+)=([^\\]\\s\"']+)\\]");

  /** Selectors read so far: their index keys, or empty when they are of another form. */
  private static final Map<String, Optional<String>> KEYS = new ConcurrentHashMap<>();

  private final List<Element> all;
  private final Map<String, List<Element>> byAttribute;

  private MetaElements(List<Element> all, Map<String, List<Element>> byAttribute) {
    this.all = all;
    this.byAttribute = byAttribute;
  }

  /** The index of the meta elements, given in document order. */
  static MetaElements of(List<Element> metas) {
    Map<String, List<Element>> byAttribute = new HashMap<>();
    for (Element meta : metas) {
      if (meta.attributesSize() == 0) {
        continue;
      }
      for (Attribute attribute : meta.attributes()) {
        List<Element> named =
            byAttribute.computeIfAbsent(
                key(attribute.getKey(), attribute.getValue()), k -> new ArrayList<>(1));
        // An element with two attributes of one name in different cases is listed once.
        if (named.isEmpty() || named.get(named.size() - 1) != meta) {
          named.add(meta);
        }
      }
    }
    return new MetaElements(metas, byAttribute);
  }

  /**
   * The meta elements the selector could match, in document order: for a selector of the form
   * {@code meta[key=value]}, those with such an attribute, else all.
   */
  List<Element> candidates(String selector) {
    Optional<String> key = KEYS.computeIfAbsent(selector, MetaElements::keyOf);
    return key.isEmpty() ? all : byAttribute.getOrDefault(key.get(), List.of());
  }

  /**
   * The index key of a selector of the form {@code meta[key=value]}, in ASCII: others are not
   * looked up.
   */
  private static Optional<String> keyOf(String selector) {
    Matcher m = NAMED.matcher(selector);
    return m.matches() && selector.chars().allMatch(c -> c < 0x80)
        ? Optional.of(key(m.group(1), m.group(2)))
        : Optional.empty();
  }

  private static String key(String name, String value) {
    return AttributeScreen.fold(name) + "=" + AttributeScreen.fold(strip(value));
  }

  /** The value without whitespace, space or control characters at either end. */
  private static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isBlank(value.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
