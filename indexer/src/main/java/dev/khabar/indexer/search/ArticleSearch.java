package dev.khabar.indexer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The search analysts run from the command line: the words matched against titles and texts in
 * every analysis (standard, Arabic, English), titles weighted double.
 */
public final class ArticleSearch {
  static final List<String> FIELDS =
      List.of("title^2", "title.ar^2", "title.en^2", "text", "text.ar", "text.en");

  private final ElasticsearchClient client;
  private final String alias;

  public ArticleSearch(ElasticsearchClient client, String alias) {
    this.client = client;
    this.alias = alias;
  }

  public SearchResponse<JsonNode> search(String query, int size) throws IOException {
    return client.search(
        s ->
            s.index(alias)
                .size(size)
                .query(
                    q ->
                        q.multiMatch(
                            m -> m.query(query).fields(FIELDS).type(TextQueryType.BestFields))),
        JsonNode.class);
  }

  /** One hit as a line: title, site, date, and entities by type. */
  public static String describe(Hit<JsonNode> hit) {
    JsonNode source = hit.source();
    if (source == null) {
      return hit.id();
    }
    List<String> entities = new ArrayList<>();
    JsonNode byType = source.path("entities");
    for (String type : List.of("person", "organisation", "location", "misc")) {
      byType.path(type).forEach(name -> entities.add(name.asText()));
    }
    return String.format(
        "- %s%n  %s · %s · %s%n  entities: %s",
        source.path("title").asText(),
        source.path("site").asText(),
        source.path("published_at").asText(source.path("fetched_at").asText()),
        source.path("url").asText(),
        entities.isEmpty() ? "none" : String.join(", ", entities));
  }
}
