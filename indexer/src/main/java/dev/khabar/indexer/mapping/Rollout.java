package dev.khabar.indexer.mapping;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.ScrollResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Rolls out a new mapping version without the {@code _reindex} API (the embedded node has none, and
 * scroll + bulk works on every distribution): installs the template, creates the next index ({@code
 * news-articles-000001} → {@code -000002}), copies every document with its external version (the
 * fetch time), swaps the alias to the new index in one atomic {@code _aliases} call, then copies
 * again what reached the old index while the first copy ran. External versions make each copy
 * idempotent and keep a newer document that the indexer already wrote to the new index. The old
 * index is kept until {@link #deleteOld} is called. Not thread-safe.
 */
public final class Rollout {
  private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d{6})");
  private static final int PAGE = 1000;
  private static final Time KEEP_ALIVE = Time.of(t -> t.time("2m"));

  /** What a copy did. */
  public record Copied(long documents, long alreadyNewer) {}

  private final ElasticsearchClient client;
  private final String alias;

  public Rollout(ElasticsearchClient client, String alias) {
    this.client = client;
    this.alias = alias;
  }

  /** The index the alias writes to now. */
  public String currentWriteIndex() throws IOException {
    Map<String, IndexAliases> indices = client.indices().getAlias(g -> g.name(alias)).aliases();
    String single = null;
    for (Map.Entry<String, IndexAliases> index : indices.entrySet()) {
      var definition = index.getValue().aliases().get(alias);
      if (definition != null && Boolean.TRUE.equals(definition.isWriteIndex())) {
        return index.getKey();
      }
      single = index.getKey();
    }
    if (indices.size() != 1 || single == null) {
      throw new IllegalStateException(
          "alias " + alias + " has no write index among " + indices.keySet());
    }
    return single;
  }

  /** {@code news-articles-000001} → {@code news-articles-000002}. */
  public static String next(String index) {
    Matcher matcher = NUMBERED.matcher(index);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("index " + index + " does not end in a six-digit number");
    }
    return String.format("%s-%06d", matcher.group(1), Integer.parseInt(matcher.group(2)) + 1);
  }

  /** Installs the template (the new mapping version) and creates {@code index} from it. */
  public void createFromTemplate(String templateName, InputStream templateJson, String index)
      throws IOException {
    client.indices().putIndexTemplate(t -> t.name(templateName).withJson(templateJson));
    client.indices().create(c -> c.index(index));
  }

  /**
   * Copies every document of {@code from} (or those indexed since {@code since}) into {@code to}.
   */
  public Copied copy(String from, String to, @Nullable Instant since) throws IOException {
    Query query =
        since == null
            ? Query.of(q -> q.matchAll(m -> m))
            : Query.of(q -> q.range(r -> r.date(d -> d.field("indexed_at").gte(since.toString()))));
    // A search sees only refreshed documents; without this a copy misses the last second's writes.
    client.indices().refresh(r -> r.index(from));
    SearchResponse<JsonNode> page =
        client.search(
            s ->
                s.index(from)
                    .query(query)
                    .size(PAGE)
                    .version(true)
                    .sort(o -> o.doc(d -> d))
                    .scroll(KEEP_ALIVE),
            JsonNode.class);
    String scrollId = page.scrollId();
    List<Hit<JsonNode>> hits = page.hits().hits();
    long documents = 0;
    long alreadyNewer = 0;
    try {
      while (!hits.isEmpty()) {
        alreadyNewer += write(to, hits);
        documents += hits.size();
        String id = scrollId;
        ScrollResponse<JsonNode> more =
            client.scroll(s -> s.scrollId(id).scroll(KEEP_ALIVE), JsonNode.class);
        scrollId = more.scrollId();
        hits = more.hits().hits();
      }
    } finally {
      if (scrollId != null) {
        String id = scrollId;
        client.clearScroll(c -> c.scrollId(id));
      }
    }
    return new Copied(documents, alreadyNewer);
  }

  /** Returns how many the target already held in a newer (or the same) version. */
  private long write(String to, List<Hit<JsonNode>> hits) throws IOException {
    List<BulkOperation> operations = new ArrayList<>(hits.size());
    for (Hit<JsonNode> hit : hits) {
      if (hit.version() == null || hit.source() == null) {
        throw new IllegalStateException("document " + hit.id() + " came without version or source");
      }
      long version = hit.version();
      JsonNode source = hit.source();
      operations.add(
          BulkOperation.of(
              o ->
                  o.index(
                      i ->
                          i.index(to)
                              .id(hit.id())
                              .versionType(VersionType.External)
                              .version(version)
                              .document(source))));
    }
    BulkResponse response = client.bulk(b -> b.operations(operations));
    long alreadyNewer = 0;
    for (BulkResponseItem item : response.items()) {
      if (item.error() == null) {
        continue;
      }
      if (item.status() == 409) {
        alreadyNewer++; // the indexer already wrote this or a newer version there
      } else {
        throw new IllegalStateException(
            "copying "
                + item.id()
                + " into "
                + to
                + " failed: "
                + item.error().type()
                + " "
                + item.error().reason());
      }
    }
    return alreadyNewer;
  }

  /** Points the alias at {@code to} alone, as its write index, in one atomic call. */
  public void swap(String to) throws IOException {
    Map<String, IndexAliases> current = client.indices().getAlias(g -> g.name(alias)).aliases();
    client
        .indices()
        .updateAliases(
            u -> {
              for (String index : current.keySet()) {
                if (!index.equals(to)) {
                  u.actions(a -> a.remove(r -> r.index(index).alias(alias)));
                }
              }
              return u.actions(a -> a.add(add -> add.index(to).alias(alias).isWriteIndex(true)));
            });
  }

  public long count(String index) throws IOException {
    client.indices().refresh(r -> r.index(index));
    return client.count(c -> c.index(index)).count();
  }

  public void deleteOld(String index) throws IOException {
    client.indices().delete(d -> d.index(index));
  }
}
