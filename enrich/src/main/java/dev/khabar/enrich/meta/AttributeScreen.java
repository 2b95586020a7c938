package dev.khabar.enrich.meta;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * A cheap test of an element's attributes that every element a CSS selector matches passes, so
 * that the selector is asked only about the few that pass: a selector of many class and substring
 * matches lower-cases and splits the same attribute once per part. Keys are compared in any case
 * and (ASCII) words looked for in any case, so the screen lets through all the selector could
 * match.
 *
 * <pre>{@code
 * // for "[itemprop=author], .byline, [class*=writer]"
 * AttributeScreen.builder().key("itemprop").words("class", "byline", "writer").build()
 * }</pre>
 */
final class AttributeScreen implements Predicate<Element> {
  /**
   * One attribute the screen looks at.
   *
   * @param key the attribute's name, lower case
   * @param words words one of which its value must hold; empty: its presence is enough
   */
  private record Rule(String key, List<String> words) {}

  private final List<Rule> rules;

  private AttributeScreen(List<Rule> rules) {
    this.rules = rules;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Whether the element has an attribute a rule names and, if the rule has words, holds one. */
  @Override
  public boolean test(Element el) {
    if (el.attributesSize() == 0) {
      return false;
    }
    for (Attribute attribute : el.attributes()) {
      String key = attribute.getKey();
      for (Rule rule : rules) {
        if (key.equalsIgnoreCase(rule.key()) && (rule.words().isEmpty() || holdsAny(attribute.getValue(), rule.words()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean holdsAny(String value, List<String> words) {
    for (String word : words) {
      for (int i = 0; i + word.length() <= value.length(); i++) {
        if (value.regionMatches(true, i, word, 0, word.length())) {
          return true;
        }
      }
    }
    return false;
  }

  static final class Builder {
    private final List<Rule> rules = new java.util.ArrayList<>();

    private Builder() {}

    /** Elements with this attribute pass. */
    Builder key(String key) {
      rules.add(new Rule(key.toLowerCase(Locale.ROOT), List.of()));
      return this;
    }

    /** Elements whose attribute holds one of the words, in any case, pass. */
    Builder words(String key, String... words) {
      rules.add(new Rule(key.toLowerCase(Locale.ROOT), List.of(words)));
      return this;
    }

    AttributeScreen build() {
      return new AttributeScreen(List.copyOf(rules));
    }
  }
}
