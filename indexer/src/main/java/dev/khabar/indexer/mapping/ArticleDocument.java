package dev.khabar.indexer.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.Entity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The document an article becomes in the index: the article's fields, its entities flattened into
 * keyword lists by type (what Kibana's terms aggregations and filters need), the indexing time, and
 * {@link #TIME_FIELD}, the date every document has.
 *
 * @param publishedOrFetchedAt the publication date when the page gives one, else the fetch time:
 *     Kibana's time filter is a range query, which never matches a document without its field, so
 *     an article without a page date would be missing from every time-filtered view if the data
 *     view's time field were {@code published_at}
 */
public record ArticleDocument(
    String id,
    String url,
    String site,
    @Nullable String siteName,
    String title,
    String text,
    String language,
    @Nullable Instant publishedAt,
    Instant publishedOrFetchedAt,
    @Nullable Instant modifiedAt,
    Instant fetchedAt,
    Instant processedAt,
    Instant indexedAt,
    @Nullable String author,
    String contentHash,
    Entities entities,
    int entityCount) {

  /** Entity names and ids by type, each once. */
  public record Entities(
      List<String> person,
      List<String> personId,
      List<String> organisation,
      List<String> organisationId,
      List<String> location,
      List<String> locationId,
      List<String> misc,
      List<String> miscId) {}

  /** The time field of Kibana's data view, saved search and dashboard. */
  public static final String TIME_FIELD = "published_or_fetched_at";

  public static ArticleDocument of(Article article, Instant indexedAt) {
    return new ArticleDocument(
        article.id(),
        article.url(),
        article.site(),
        article.siteName(),
        article.title(),
        article.text(),
        article.language(),
        article.publishedAt(),
        article.publishedAt() != null ? article.publishedAt() : article.fetchedAt(),
        article.modifiedAt(),
        article.fetchedAt(),
        article.processedAt(),
        indexedAt,
        article.author(),
        article.contentHash(),
        new Entities(
            names(article, "PER"),
            ids(article, "PER"),
            names(article, "ORG"),
            ids(article, "ORG"),
            names(article, "LOC"),
            ids(article, "LOC"),
            names(article, "MISC"),
            ids(article, "MISC")),
        article.entities().size());
  }

  /** The external version: a later fetch of the same article always has a larger one. */
  public static long version(Article article) {
    return article.fetchedAt().toEpochMilli();
  }

  /**
   * A document as an indexer of an earlier mapping version wrote it, given the fields this version
   * computes from the ones it has: {@link #TIME_FIELD} from {@code published_at}, else {@code
   * fetched_at}. A document that has them is returned unchanged. Changes and returns {@code
   * source}.
   */
  public static ObjectNode withComputedFields(ObjectNode source) {
    if (!source.hasNonNull(TIME_FIELD)) {
      JsonNode time =
          source.hasNonNull("published_at") ? source.get("published_at") : source.get("fetched_at");
      if (time != null && !time.isNull()) {
        source.set(TIME_FIELD, time);
      }
    }
    return source;
  }

  private static List<String> names(Article article, String type) {
    Set<String> names = new LinkedHashSet<>();
    for (Entity entity : article.entities()) {
      if (entity.type().equals(type)) {
        names.add(entity.name());
      }
    }
    return new ArrayList<>(names);
  }

  private static List<String> ids(Article article, String type) {
    Set<String> ids = new LinkedHashSet<>();
    for (Entity entity : article.entities()) {
      if (entity.type().equals(type)) {
        ids.add(entity.id());
      }
    }
    return new ArrayList<>(ids);
  }
}
