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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * index is kept until {@link #deleteOld} is called. Every copied document gets the fields this
 * version computes ({@link ArticleDocument#withComputedFields}), and {@link #fill} gives them to
 * documents that an indexer of an earlier version wrote behind the alias after the swap. Not
 * thread-safe.
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
    return rewrite(from, query, hit -> to, VersionType.External);
  }

  /**
   * Gives the fields this version computes to every document behind the alias that lacks them, in
   * place and with the version it has ({@code external_gte}: a newer version the indexer writes
   * meanwhile wins). Run it once every indexer runs this version; until then an indexer of the
   * earlier version may still write documents without them.
   */
  public Copied fill() throws IOException {
    Query lacking =
        Query.of(
            q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field(ArticleDocument.TIME_FIELD)))));
    return rewrite(alias, lacking, Hit::index, VersionType.ExternalGte);
  }

  /**
   * Writes every document of {@code from} matching {@code query} into the index {@code target}
   * names for it, with its version and the fields this version computes.
   */
  private Copied rewrite(
      String from, Query query, Function<Hit<ObjectNode>, String> target, VersionType versionType)
      throws IOException {
    // A search sees only refreshed documents; without this a copy misses the last second's writes.
    client.indices().refresh(r -> r.index(from));
    SearchResponse<ObjectNode> page =
        client.search(
            s ->
                s.index(from)
                    .query(query)
                    .size(PAGE)
                    .version(true)
                    .sort(o -> o.doc(d -> d))
                    .scroll(KEEP_ALIVE),
            ObjectNode.class);
    String scrollId = page.scrollId();
    List<Hit<ObjectNode>> hits = page.hits().hits();
    long documents = 0;
    long alreadyNewer = 0;
    try {
      while (!hits.isEmpty()) {
        alreadyNewer += write(hits, target, versionType);
        documents += hits.size();
        String id = scrollId;
        ScrollResponse<ObjectNode> more =
            client.scroll(s -> s.scrollId(id).scroll(KEEP_ALIVE), ObjectNode.class);
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

  /** Returns how many the target already held in a newer (or, for a copy, the same) version. */
  private long write(
      List<Hit<ObjectNode>> hits, Function<Hit<ObjectNode>, String> target, VersionType versionType)
      throws IOException {
    List<BulkOperation> operations = new ArrayList<>(hits.size());
    for (Hit<ObjectNode> hit : hits) {
      if (hit.version() == null || hit.source() == null) {
        throw new IllegalStateException("document " + hit.id() + " came without version or source");
      }
      long version = hit.version();
      String index = target.apply(hit);
      ObjectNode source = ArticleDocument.withComputedFields(hit.source());
      operations.add(
          BulkOperation.of(
              o ->
                  o.index(
                      i ->
                          i.index(index)
                              .id(hit.id())
                              .versionType(versionType)
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
                + item.index()
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
