package dev.khabar.enrich.clean;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Finds the elements that hold the article. Each paragraph-like block scores its container and,
 * less, the container's ancestors (more for long text and many commas, Arabic ones included); a
 * container's score shrinks with its link density and grows with names like {@code articleBody}.
 * The best container wins, with those of its siblings that look like article text too: a lead
 * paragraph beside the body, or the next section of a body split in several.
 */
final class ContentLocator {
  /** Blocks shorter than this say little about where the article is. */
  private static final int MIN_SCORING_CHARS = 25;

  /** How much more paragraph text an ancestor must hold to replace the best container. */
  private static final double WIDEN_RATIO = 1.3;

  private static final double WIDEN_MAX_LINK_DENSITY = 0.35;

  /**
   * Paragraph text an ancestor may add without ending the climb: a section's own heading or intro
   * («textpic_head») sits one level above its text, and the sibling sections further up.
   */
  private static final int WIDEN_MAX_STEP_CHARS = 100;

  private static final double WIDEN_MAX_STEP_SHARE = 0.05;

  /** Text an ancestor may add to the best container and still be the same article: a lead. */
  private static final int LEAD_MAX_CHARS = 700;

  private static final double LEAD_MAX_SHARE = 0.15;

  /** The same for a lead the headline marks the start of: a standfirst may run to a paragraph. */
  private static final int HEADED_LEAD_MAX_CHARS = 1000;

  private static final double LEAD_MAX_LINK_DENSITY = 0.1;

  private static final Evaluator H1 = QueryParser.parse("h1");

  /**
   * Paragraph text a container in the headline's article needs to be taken over the page's best.
   */
  private static final int MIN_SCOPE_CHARS = 250;

  /** How many ancestors a block's score reaches. */
  private static final int SCORE_LEVELS = 4;

  /** Ancestors a block's text counts towards, for link density; bounds work on deep pages. */
  private static final int MAX_STAT_LEVELS = 64;

  private static final Set<String> PARAGRAPH_TAGS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "dl",
          "dd",
          "dt",
          "blockquote",
          "pre",
          "span",
          "font",
          "b",
          "strong",
          "em",
          "i",
          "tr",
          "tbody",
          "table",
          "br");

  private static final Pattern POSITIVE =
      Pattern.compile(
          "(?i)article|body|content|entry|main|page|post|story|text|blog|news|detail|matn|khabar");

  private static final Pattern NEGATIVE =
      Pattern.compile(
          "(?i)combx|contact|extra|foot|head|hid|link|masthead|media|outbrain|promo|scroll|shopping|teaser|thumb|list|card|item|grid|tile|box");

  private ContentLocator() {}

  /** The article's containers in document order; the root itself when nothing scores. */
  static List<Element> locate(Element root, List<TextBlock> blocks) {
    return locate(root, blocks, null);
  }

  /**
   * The same, preferring containers inside {@code scope} (the article that carries the headline,
   * see {@link HeadlineArticle}) when any there holds article text.
   */
  static List<Element> locate(Element root, List<TextBlock> blocks, @Nullable Element scope) {
    Map<Element, Counts> stats = new IdentityHashMap<>();
    Map<Element, Double> scores = new IdentityHashMap<>();
    // The scored elements in the order they were first scored: candidates are compared in that
    // order, so of two with the same score the same one wins on every run (an identity map's
    // order changes from run to run).
    List<Element> scored = new ArrayList<>();
    for (TextBlock block : blocks) {
      int level = 0;
      for (Element up = block.owner();
          up != null && level < MAX_STAT_LEVELS;
          up = up.parent(), level++) {
        Counts s = stats.computeIfAbsent(up, k -> new Counts());
        s.chars += block.chars();
        s.linkChars += block.linkChars();
        if (scores(block)) {
          s.paragraphChars += block.chars() - block.linkChars();
        }
        if (up == root) {
          break;
        }
      }
      if (!scores(block)) {
        continue;
      }
      double score = 1 + commas(block.text()) + Math.min(block.chars() / 100.0, 3);
      if (block.kind() == TextBlock.Kind.LIST_ITEM) {
        score /= 2;
      }
      Element container = container(block.owner(), root);
      level = 0;
      for (Element up = container; up != null && level < SCORE_LEVELS; up = up.parent(), level++) {
        double share = level == 0 ? score : level == 1 ? score / 2 : score / (3 * level);
        Double sum = scores.get(up);
        if (sum == null) {
          scored.add(up);
        }
        scores.put(up, sum == null ? share : sum + share);
        if (up == root) {
          break;
        }
      }
    }
    Element best = null;
    double bestScore = 0;
    Element bestInScope = null;
    double bestInScopeScore = 0;
    Map<Element, Double> finals = new IdentityHashMap<>();
    for (Element el : scored) {
      double value =
          (scores.get(el) + tagWeight(el)) * nameFactor(el) * (1 - linkDensity(stats.get(el)));
      finals.put(el, value);
      if (value > bestScore) {
        best = el;
        bestScore = value;
      }
      Counts own = stats.get(el);
      if (scope != null
          && value > bestInScopeScore
          && own != null
          && own.paragraphChars >= MIN_SCOPE_CHARS
          && within(el, scope)) {
        bestInScope = el;
        bestInScopeScore = value;
      }
    }
    if (best == null) {
      return List.of(root);
    }
    Element top = root;
    if (bestInScope != null) {
      best = bestInScope;
      bestScore = bestInScopeScore;
      top = scope.parent() != null ? scope.parent() : root;
    }
    best = widen(best, top, stats);
    // The headline's article stands alone: its siblings are the other stories.
    List<Element> roots =
        best == scope
            ? List.of(best)
            : withSiblings(best, finals.getOrDefault(best, bestScore), finals, stats);
    List<Element> lead = lead(roots.get(0), top, stats);
    if (lead.isEmpty()) {
      return roots;
    }
    List<Element> all = new ArrayList<>(lead);
    all.addAll(roots);
    return all;
  }

  /**
   * The best container's ancestor when that holds much more paragraph text at low link density: the
   * article was split over several containers, and the best held only the longest part.
   */
  private static Element widen(Element best, Element root, Map<Element, Counts> stats) {
    Element el = best;
    for (Element up = el.parent(); up != null && up != root; up = up.parent()) {
      Counts mine = stats.get(el);
      Counts theirs = stats.get(up);
      if (mine == null || theirs == null) {
        break;
      }
      if (theirs.paragraphChars > WIDEN_RATIO * mine.paragraphChars
          && linkDensity(theirs) < WIDEN_MAX_LINK_DENSITY) {
        el = up;
      } else if (theirs.paragraphChars
          > mine.paragraphChars
              + Math.max(WIDEN_MAX_STEP_CHARS, mine.paragraphChars * WIDEN_MAX_STEP_SHARE)) {
        break;
      }
    }
    // Wrappers that add nothing («row», «col», «container») hide the article's sibling sections.
    while (el.parent() != null
        && el.parent() != root
        && stats.get(el.parent()) != null
        && stats.get(el.parent()).chars == stats.get(el).chars) {
      el = el.parent();
    }
    return el;
  }

  /**
   * What precedes the body inside its article: a lead paragraph or a standfirst kept apart from the
   * body text («intro», «excerpt», a header). Climbs while the text before the body stays short and
   * nearly free of links, and returns the elements before the body at each level, in document
   * order. What follows the body (tags, author boxes, related links) is left out.
   */
  private static List<Element> lead(Element body, Element root, Map<Element, Counts> stats) {
    Counts own = stats.get(body);
    if (own == null) {
      return List.of();
    }
    int budget = (int) Math.max(LEAD_MAX_CHARS, own.chars * LEAD_MAX_SHARE);
    List<Element> found = new ArrayList<>();
    int chars = 0;
    int links = 0;
    Element child = body;
    for (Element up = body.parent(); up != null && up != root; child = up, up = up.parent()) {
      List<Element> before = new ArrayList<>();
      for (Element sibling : up.children()) {
        if (sibling == child) {
          break;
        }
        before.add(sibling);
      }
      int c = 0;
      int l = 0;
      for (Element sibling : before) {
        Counts s = stats.get(sibling);
        if (s != null) {
          c += s.chars;
          l += s.linkChars;
        }
      }
      if (chars + c > budget || links + l > (chars + c) * LEAD_MAX_LINK_DENSITY) {
        break;
      }
      chars += c;
      links += l;
      found.addAll(0, before);
    }
    // Between the headline and the body a link box may stand (a share bar, a «related» list)
    // that stops the climb above; the lead past it is the longer answer.
    List<Element> headed = headedLead(body, root, stats, Math.max(budget, HEADED_LEAD_MAX_CHARS));
    return headed != null && chars(headed, stats) > chars ? headed : found;
  }

  /** Whether the element is or holds an {@code <h1>} of text, not a linked site name. */
  private static boolean holdsHeadline(Element el, Map<Element, Counts> stats) {
    Element h1 = el.normalName().equals("h1") ? el : el.selectFirst(H1);
    Counts s = h1 == null ? null : stats.get(h1);
    return s != null && s.chars > 0 && linkDensity(s) < 0.5;
  }

  private static int chars(List<Element> elements, Map<Element, Counts> stats) {
    int n = 0;
    for (Element el : elements) {
      Counts s = stats.get(el);
      n += s == null ? 0 : s.chars;
    }
    return n;
  }

  /**
   * The lead between the headline and the body, when the climb from the body meets the headline
   * ({@code <h1>}) within the budget: the elements before the body that are nearly free of links. A
   * link box among them (a share bar, a «related» list, a picture strip beside the headline) is
   * passed over. Null when no headline is met: nothing then marks where the article starts.
   */
  private static @Nullable List<Element> headedLead(
      Element body, Element root, Map<Element, Counts> stats, int budget) {
    List<Element> found = new ArrayList<>();
    int chars = 0;
    Element child = body;
    for (Element up = body.parent(); up != null && up != root; child = up, up = up.parent()) {
      boolean headline = false;
      for (Element sibling = child.previousElementSibling();
          sibling != null;
          sibling = sibling.previousElementSibling()) {
        Counts s = stats.get(sibling);
        if (s == null || s.linkChars > s.chars * LEAD_MAX_LINK_DENSITY) {
          continue;
        }
        if (chars + s.chars > budget) {
          return null;
        }
        chars += s.chars;
        found.add(0, sibling);
        headline |= holdsHeadline(sibling, stats);
      }
      if (headline) {
        return found;
      }
    }
    return null;
  }

  /** Whether a block is paragraph-like text, the kind that marks where an article is. */
  private static boolean scores(TextBlock block) {
    return block.chars() >= MIN_SCORING_CHARS
        && block.linkDensity() < 0.5
        && block.kind() != TextBlock.Kind.CAPTION
        && block.kind() != TextBlock.Kind.HEADING;
  }

  /**
   * The element a block's score goes to: past its paragraph and list elements to their container.
   */
  private static Element container(Element owner, Element root) {
    Element el = owner;
    while (el != root && el.parent() != null && PARAGRAPH_TAGS.contains(el.normalName())) {
      el = el.parent();
    }
    return el;
  }

  private static List<Element> withSiblings(
      Element best, double bestScore, Map<Element, Double> finals, Map<Element, Counts> stats) {
    Element parent = best.parent();
    if (parent == null) {
      return List.of(best);
    }
    double threshold = Math.max(10, bestScore * 0.2);
    List<Element> siblings = parent.children();
    boolean[] keep = new boolean[siblings.size()];
    for (int i = 0; i < siblings.size(); i++) {
      Element sibling = siblings.get(i);
      keep[i] = sibling == best || joins(sibling, best, threshold, finals, stats);
    }
    // A heading between two kept siblings titles the section after it.
    for (int i = 1; i + 1 < siblings.size(); i++) {
      if (!keep[i]
          && siblings.get(i).normalName().matches("h[2-6]")
          && keep[i + 1]
          && anyBefore(keep, i)) {
        keep[i] = true;
      }
    }
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < siblings.size(); i++) {
      if (keep[i]) {
        out.add(siblings.get(i));
      }
    }
    return out;
  }

  private static boolean joins(
      Element sibling,
      Element best,
      double threshold,
      Map<Element, Double> finals,
      Map<Element, Counts> stats) {
    Double score = finals.get(sibling);
    double bonus =
        !best.className().isEmpty() && best.className().equals(sibling.className()) ? threshold : 0;
    if (score != null && score + bonus >= threshold) {
      return true;
    }
    if (!sibling.normalName().equals("p")) {
      return false;
    }
    Counts s = stats.get(sibling);
    if (s == null) {
      return false;
    }
    double density = linkDensity(s);
    String text = sibling.text();
    return s.chars > 80 && density < 0.25
        || s.chars > 0 && density == 0 && text.matches("(?s).*[.!?؟。]\\s*$");
  }

  private static double tagWeight(Element el) {
    return switch (el.normalName()) {
      case "article" -> 8;
      case "div", "main" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "ol", "ul", "dl", "dd", "dt", "li", "form", "address" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
  }

  /**
   * How much an element's names raise or lower its score. A factor rather than readability's ±25
   * points: points let an empty teaser box named «content» beat a short article.
   */
  private static double nameFactor(Element el) {
    double factor = 1;
    if (el.attr("itemprop").toLowerCase(Locale.ROOT).contains("articlebody")) {
      factor *= 3;
    }
    return factor * NameFactors.of(el.className() + " " + el.id());
  }

  /**
   * What a class and id make of an element's score, read once per combination: the same few («row»,
   * «col-md-8», «entry-content») recur on many of a page's scored elements, and reading one means
   * two regular expressions.
   */
  private static final class NameFactors {
    private static final Memo<Double> KNOWN = new Memo<>(50_000, NameFactors::read);

    static double of(String names) {
      return KNOWN.get(names);
    }

    private static double read(String names) {
      double factor = 1;
      if (POSITIVE.matcher(names).find()) {
        factor *= 1.5;
      }
      if (NEGATIVE.matcher(names).find()) {
        factor *= 0.5;
      }
      return factor;
    }
  }

  private static double linkDensity(@Nullable Counts stats) {
    return stats == null || stats.chars == 0 ? 0 : (double) stats.linkChars / stats.chars;
  }

  /**
   * The text of the blocks under an element, summed as {@link ContentLocator#locate} walks up from
   * each block; a mutable accumulator, one per counted element, filled in that walk and only read
   * afterwards.
   */
  private static final class Counts {
    /** Non-whitespace characters of all its blocks. */
    int chars;

    /** Those of them inside links. */
    int linkChars;

    /**
     * The characters outside links of its paragraph-like blocks (see {@link
     * ContentLocator#scores}).
     */
    int paragraphChars;
  }

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '،' || c == '؛' || c == '，') {
        n++;
      }
    }
    return n;
  }

  private static boolean within(Element el, Element ancestor) {
    for (Element up = el; up != null; up = up.parent()) {
      if (up == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyBefore(boolean[] keep, int i) {
    for (int j = 0; j < i; j++) {
      if (keep[j]) {
        return true;
      }
    }
    return false;
  }
}
