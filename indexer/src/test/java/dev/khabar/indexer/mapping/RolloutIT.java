package dev.khabar.indexer.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.Json;
import dev.khabar.embedded.SharedServices;
import dev.khabar.indexer.IndexerFixtures;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new mapping version rolled out behind the alias on the real node, with the indexer writing. */
class RolloutIT {
  private final String alias = "rollout-it-" + System.nanoTime();
  private final String templateName = "khabar-" + alias;

  /**
   * The indexer's template for this test's own indices: as this version installs it, or as the
   * previous mapping version (2) was, without the time field.
   */
  private byte[] template(boolean previousVersion) throws Exception {
    ObjectNode json;
    try (InputStream in = IndexSetup.templateJson()) {
      json = (ObjectNode) Json.mapper().readTree(in);
    }
    json.putArray("index_patterns").add(alias + "-*");
    json.put("priority", 300);
    if (previousVersion) {
      ((ObjectNode) json.path("template").path("mappings").path("properties"))
          .remove(ArticleDocument.TIME_FIELD);
    }
    return Json.mapper().writeValueAsBytes(json);
  }

  /** The document an indexer of the previous mapping version wrote. */
  private static ObjectNode previousDocument(Article article, Instant indexedAt) {
    ObjectNode document =
        (ObjectNode) Json.mapper().valueToTree(ArticleDocument.of(article, indexedAt));
    document.remove(ArticleDocument.TIME_FIELD);
    return document;
  }

  private static void index(ElasticsearchClient client, String index, Article article, Object doc)
      throws Exception {
    client.index(
        i ->
            i.index(index)
                .id(article.id())
                .versionType(VersionType.External)
                .version(ArticleDocument.version(article))
                .document(doc));
  }

  private void createPreviousVersionIndex(ElasticsearchClient client) throws Exception {
    byte[] previous = template(true);
    client
        .indices()
        .putIndexTemplate(t -> t.name(templateName).withJson(new ByteArrayInputStream(previous)));
    client
        .indices()
        .create(c -> c.index(alias + "-000001").aliases(alias, a -> a.isWriteIndex(true)));
  }

  private static Map<String, Long> versions(ElasticsearchClient client, String index)
      throws Exception {
    client.indices().refresh(r -> r.index(index));
    SearchResponse<JsonNode> response =
        client.search(s -> s.index(index).size(10_000).version(true), JsonNode.class);
    Map<String, Long> versions = new HashMap<>();
    for (Hit<JsonNode> hit : response.hits().hits()) {
      versions.put(hit.id(), hit.version());
    }
    return versions;
  }

  private static JsonNode source(ElasticsearchClient client, String index, Article article)
      throws Exception {
    return client.get(g -> g.index(index).id(article.id()), JsonNode.class).source();
  }

  private static ElasticsearchClient client() {
    return ElasticsearchClients.create(EsSettings.of(SharedServices.elasticsearch().httpUrl()));
  }

  @Test
  void copiesSwapsAtomicallyAndCatchesUpWithWritesMadeDuringTheCopy() throws Exception {
    try (ElasticsearchClient client = client()) {
      createPreviousVersionIndex(client);
      Instant long_ago = Instant.parse("2026-01-01T00:00:00Z");
      List<BulkOperation> operations = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        Article article =
            IndexerFixtures.article(
                "https://example.org/rollout/" + i, "خبر " + i, IndexerFixtures.T0.plusSeconds(i));
        operations.add(
            BulkOperation.of(
                o ->
                    o.index(
                        x ->
                            x.index(alias)
                                .id(article.id())
                                .versionType(VersionType.External)
                                .version(ArticleDocument.version(article))
                                .document(previousDocument(article, long_ago)))));
      }
      client.bulk(b -> b.operations(operations).refresh(Refresh.True));

      Rollout rollout = new Rollout(client, alias);
      String old = rollout.currentWriteIndex();
      String next = Rollout.next(old);
      assertEquals(alias + "-000002", next);
      Instant copyStart = Instant.now();
      rollout.createFromTemplate(templateName, new ByteArrayInputStream(template(false)), next);
      assertEquals(new Rollout.Copied(150, 0), rollout.copy(old, next, null));
      // Kibana's data view is the alias: the copy in the new index is not counted a second time.
      assertEquals(150, client.count(c -> c.index(alias)).count());

      // The indexer keeps writing through the alias, into the old index, while the copy runs: an
      // update and a new article the copy did not see.
      Article updated =
          IndexerFixtures.article(
              "https://example.org/rollout/7", "خبر محدث", IndexerFixtures.T0.plusSeconds(3600));
      Article late =
          IndexerFixtures.article(
              "https://example.org/rollout/late", "خبر متأخر", IndexerFixtures.T0);
      index(client, alias, updated, previousDocument(updated, Instant.now()));
      index(client, alias, late, previousDocument(late, Instant.now()));

      rollout.swap(next);
      // After the swap the indexer writes to the new index; a still newer version of article 7.
      Article newest =
          IndexerFixtures.article(
              "https://example.org/rollout/7",
              "خبر محدث مرة أخرى",
              IndexerFixtures.T0.plusSeconds(7200));
      index(client, alias, newest, ArticleDocument.of(newest, Instant.now()));
      client.indices().refresh(r -> r.index(old));

      Rollout.Copied caughtUp = rollout.copy(old, next, copyStart);
      assertEquals(
          new Rollout.Copied(2, 1), caughtUp, "the late article copied, article 7 already newer");

      var aliases = client.indices().getAlias(g -> g.name(alias)).aliases();
      assertEquals(
          List.of(next), List.copyOf(aliases.keySet()), "the alias points at the new index alone");
      assertEquals(Boolean.TRUE, aliases.get(next).aliases().get(alias).isWriteIndex());
      Map<String, Long> expected = versions(client, old);
      expected.put(newest.id(), ArticleDocument.version(newest));
      assertEquals(151, expected.size());
      assertEquals(
          expected, versions(client, next), "every document, each with its newest version");
      assertEquals(151, client.count(c -> c.index(alias)).count());
      var mapping = client.indices().getMapping(g -> g.index(next)).get(next).mappings();
      assertTrue(
          mapping.properties().containsKey(ArticleDocument.TIME_FIELD),
          "the new mapping version applies");
    }
  }

  @Test
  void theCopyGivesDocumentsOfThePreviousVersionTheTimeField() throws Exception {
    try (ElasticsearchClient client = client()) {
      createPreviousVersionIndex(client);
      Article dated =
          IndexerFixtures.article(
              "https://example.org/rollout/dated", "خبر مؤرخ", IndexerFixtures.T0);
      Article undated =
          IndexerFixtures.withoutPageDate(
              IndexerFixtures.article(
                  "https://example.org/rollout/undated",
                  "خبر بلا تاريخ",
                  IndexerFixtures.T0.plusSeconds(600)));
      index(client, alias, dated, previousDocument(dated, IndexerFixtures.T0));
      index(client, alias, undated, previousDocument(undated, IndexerFixtures.T0));
      Rollout rollout = new Rollout(client, alias);
      String next = alias + "-000002";
      rollout.createFromTemplate(templateName, new ByteArrayInputStream(template(false)), next);

      assertEquals(new Rollout.Copied(2, 0), rollout.copy(alias + "-000001", next, null));

      assertEquals(
          "2026-11-29T08:00:00Z",
          source(client, next, dated).path(ArticleDocument.TIME_FIELD).asText());
      assertEquals(
          "2026-11-29T08:10:00Z",
          source(client, next, undated).path(ArticleDocument.TIME_FIELD).asText());
      assertEquals(false, source(client, next, undated).has("published_at"));
      assertEquals(
          Map.of(
              dated.id(),
              ArticleDocument.version(dated),
              undated.id(),
              ArticleDocument.version(undated)),
          versions(client, next));
    }
  }

  @Test
  void fillGivesTheTimeFieldToDocumentsAPreviousIndexerWroteAfterTheSwap() throws Exception {
    try (ElasticsearchClient client = client()) {
      byte[] current = template(false);
      client
          .indices()
          .putIndexTemplate(t -> t.name(templateName).withJson(new ByteArrayInputStream(current)));
      client
          .indices()
          .create(c -> c.index(alias + "-000002").aliases(alias, a -> a.isWriteIndex(true)));
      Article fromPrevious =
          IndexerFixtures.withoutPageDate(
              IndexerFixtures.article(
                  "https://example.org/fill/previous", "خبر قديم", IndexerFixtures.T0));
      Article fromCurrent =
          IndexerFixtures.article(
              "https://example.org/fill/current", "خبر جديد", IndexerFixtures.T0);
      index(client, alias, fromPrevious, previousDocument(fromPrevious, IndexerFixtures.T0));
      index(client, alias, fromCurrent, ArticleDocument.of(fromCurrent, IndexerFixtures.T0));
      RolloutCommand command = new RolloutCommand();
      command.alias = alias;
      command.fill = true;
      StringWriter output = new StringWriter();

      int exit = command.run(new Rollout(client, alias), new PrintWriter(output));

      assertEquals(0, exit, output.toString());
      assertEquals(
          "alias " + alias + ": 1 documents given the computed fields (0 already newer)",
          output.toString().strip());
      assertEquals(
          "2026-11-29T08:00:00Z",
          source(client, alias, fromPrevious).path(ArticleDocument.TIME_FIELD).asText());
      assertEquals(
          Map.of(
              fromPrevious.id(),
              ArticleDocument.version(fromPrevious),
              fromCurrent.id(),
              ArticleDocument.version(fromCurrent)),
          versions(client, alias),
          "filled in place, each with the version it had");
      assertEquals(new Rollout.Copied(0, 0), new Rollout(client, alias).fill(), "nothing left");
    }
  }

  @Test
  void commandRollsOutAndSwapToOnlyMovesTheAlias() throws Exception {
    try (ElasticsearchClient client = client()) {
      createPreviousVersionIndex(client);
      for (int i = 0; i < 20; i++) {
        Article article =
            IndexerFixtures.article("https://example.org/cmd/" + i, "خبر " + i, IndexerFixtures.T0);
        index(client, alias, article, previousDocument(article, Instant.now()));
      }
      Path file = Files.createTempFile("template-", ".json");
      Files.write(file, template(false));
      RolloutCommand command = new RolloutCommand();
      command.alias = alias;
      command.template = file;
      command.templateName = templateName;
      command.settleSeconds = 0;
      command.deleteOld = true;
      StringWriter output = new StringWriter();

      int exit = command.run(new Rollout(client, alias), new PrintWriter(output));

      assertEquals(0, exit, output.toString());
      assertTrue(
          output.toString().contains("copied 20 documents from " + alias + "-000001"),
          output.toString());
      assertTrue(output.toString().contains("deleted " + alias + "-000001"), output.toString());
      assertEquals(false, client.indices().exists(e -> e.index(alias + "-000001")).value());
      assertEquals(20, client.count(c -> c.index(alias)).count());

      // The replay way: an index filled elsewhere; --swap-to only moves the alias.
      client.indices().create(c -> c.index(alias + "-replay"));
      command.swapTo = alias + "-replay";
      assertEquals(0, command.run(new Rollout(client, alias), new PrintWriter(new StringWriter())));
      assertEquals(
          List.of(alias + "-replay"),
          List.copyOf(client.indices().getAlias(g -> g.name(alias)).aliases().keySet()));
      Files.delete(file);
    }
  }
}
