package dev.khabar.enrich.meta;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * A cheap test of an element's attributes that every element a CSS selector matches passes, so that
 * the selector is asked only about the few that pass: a selector of many class and substring
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
        if (key.equalsIgnoreCase(rule.key())
            && (rule.words().isEmpty() || holdsAny(attribute.getValue(), rule.words()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean holdsAny(String value, List<String> words) {
    String folded = fold(value);
    for (String word : words) {
      if (folded.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The value with every char that matches an ASCII letter in any case (as {@code
   * String.regionMatches} with {@code ignoreCase} compares) as that lower-case letter: ASCII
   * capitals, the dotted and dotless i («İ», «ı»), the long s and the Kelvin sign. Class names are
   * mostly lower-case ASCII already, and are then answered as they are.
   */
  static String fold(String value) {
    int i = 0;
    while (i < value.length() && foldChar(value.charAt(i)) == value.charAt(i)) {
      i++;
    }
    if (i == value.length()) {
      return value;
    }
    char[] out = value.toCharArray();
    for (; i < out.length; i++) {
      out[i] = foldChar(out[i]);
    }
    return new String(out);
  }

  private static char foldChar(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return switch (c) {
      case '\u0130', '\u0131' -> 'i';
      case '\u017F' -> 's';
      case '\u212A' -> 'k';
      default -> c;
    };
  }

  static final class Builder {
    private final List<Rule> rules = new java.util.ArrayList<>();

    private Builder() {}

    /** Elements with this attribute pass. */
    Builder key(String key) {
      rules.add(new Rule(key.toLowerCase(Locale.ROOT), List.of()));
      return this;
    }

    /** Elements whose attribute holds one of the words (ASCII), in any case, pass. */
    Builder words(String key, String... words) {
      List<String> lower = new java.util.ArrayList<>();
      for (String word : words) {
        lower.add(word.toLowerCase(Locale.ROOT));
      }
      rules.add(new Rule(key.toLowerCase(Locale.ROOT), List.copyOf(lower)));
      return this;
    }

    AttributeScreen build() {
      return new AttributeScreen(List.copyOf(rules));
    }
  }
}
