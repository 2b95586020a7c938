package dev.khabar.enrich.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.khabar.common.contract.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The article object of a page's JSON-LD ({@code NewsArticle}, {@code Article}, {@code BlogPosting}
 * …), found at top level, in arrays or in an {@code @graph}. Broken JSON-LD, common in the wild, is
 * skipped.
 */
final class JsonLd {
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "blogposting",
          "liveblogposting",
          "socialmediaposting",
          "scholarlyarticle",
          "techarticle",
          "webpage");

  /** JSON-LD blocks larger than this are data dumps, not article metadata. */
  private static final int MAX_BLOCK_CHARS = 500_000;

  private final @Nullable JsonNode article;
  private final @Nullable JsonNode website;
  private final @Nullable JsonNode dated;

  private JsonLd(@Nullable JsonNode article, @Nullable JsonNode website, @Nullable JsonNode dated) {
    this.article = article;
    this.website = website;
    this.dated = dated;
  }

  /** The JSON-LD of a page, from its {@code <script>} elements in document order. */
  static JsonLd of(List<Element> scripts) {
    JsonNode best = null;
    int bestRank = Integer.MAX_VALUE;
    JsonNode website = null;
    JsonNode dated = null;
    for (Element script : scripts) {
      if (!script.attr("type").toLowerCase(Locale.ROOT).contains("application/ld+json")) {
        continue;
      }
      String data = script.data();
      if (data.length() > MAX_BLOCK_CHARS) {
        continue;
      }
      JsonNode root = read(data);
      if (root == null) {
        continue;
      }
      for (JsonNode node : objects(root)) {
        if (dated == null && node.hasNonNull("datePublished")) {
          dated = node;
        }
        String type = type(node);
        if (type == null) {
          continue;
        }
        if (type.equals("website")
            || type.equals("organization")
            || type.equals("newsmediaorganization")) {
          website = website == null ? node : website;
        }
        // A WebPage is a last resort: NewsArticle beats Article beats WebPage.
        int rank = type.equals("webpage") ? 2 : type.equals("article") ? 1 : 0;
        if (ARTICLE_TYPES.contains(type) && rank < bestRank) {
          best = node;
          bestRank = rank;
        }
      }
    }
    return new JsonLd(best, website, dated);
  }

  /**
   * The block's JSON, or null when it is broken. Line breaks and tabs inside strings (an {@code
   * articleBody} pasted as it was typed) are not JSON, but common: a block that fails for them is
   * read again with them as spaces, which changes nothing outside strings.
   */
  private static @Nullable JsonNode read(String data) {
    String json = data.strip();
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0 && json.indexOf('\t') < 0) {
        return null;
      }
    }
    try {
      return Json.mapper().readTree(json.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * The article's {@code datePublished}, else that of the first object that has one (a {@code
   * Report}, a {@code VideoObject}, an object without {@code @type}).
   */
  @Nullable String datePublished() {
    String date = text("datePublished");
    return date != null || dated == null ? date : string(dated.get("datePublished"));
  }

  @Nullable String text(String field) {
    return article == null ? null : string(article.get(field));
  }

  @Nullable String author() {
    if (article == null) {
      return null;
    }
    JsonNode author = article.get("author");
    if (author == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (JsonNode one : author.isArray() ? author : List.of(author)) {
      String name = one.isObject() ? string(one.get("name")) : string(one);
      if (name != null
          && !name.isBlank()
          && !name.startsWith("http")
          && !names.contains(name.strip())) {
        names.add(name.strip());
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  @Nullable String publisherName() {
    if (article != null && article.get("publisher") != null) {
      String name = string(article.get("publisher").get("name"));
      if (name != null) {
        return name;
      }
    }
    return website == null ? null : string(website.get("name"));
  }

  private static @Nullable String type(JsonNode node) {
    JsonNode type = node.get("@type");
    if (type == null) {
      return null;
    }
    if (type.isArray()) {
      for (JsonNode one : type) {
        String name = one.asText().toLowerCase(Locale.ROOT);
        if (ARTICLE_TYPES.contains(name)) {
          return name;
        }
      }
      return type.isEmpty() ? null : type.get(0).asText().toLowerCase(Locale.ROOT);
    }
    return type.asText().toLowerCase(Locale.ROOT);
  }

  private static @Nullable String string(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      return node.isEmpty() ? null : string(node.get(0));
    }
    if (node.isObject()) {
      return null;
    }
    String text = node.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** Every object in the tree: top level, array items, {@code @graph} members. */
  private static List<JsonNode> objects(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty() && out.size() < 200) {
      JsonNode node = todo.pop();
      if (node.isArray()) {
        node.forEach(todo::add);
      } else if (node.isObject()) {
        out.add(node);
        JsonNode graph = node.get("@graph");
        if (graph != null) {
          todo.add(graph);
        }
      }
    }
    return out;
  }
}
