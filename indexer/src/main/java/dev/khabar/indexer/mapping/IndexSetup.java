package dev.khabar.indexer.mapping;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the index design, idempotently: the composable template {@code khabar-news-articles} for
 * {@code news-articles-*}, and, when the alias does not exist yet, the first index {@code
 * news-articles-000001} with the alias as its write index. It needs no x-pack feature (no ILM, no
 * data stream), so it works on every distribution.
 */
public final class IndexSetup {
  private static final Logger LOG = LoggerFactory.getLogger(IndexSetup.class);
  public static final String TEMPLATE_NAME = "khabar-news-articles";
  public static final String TEMPLATE_RESOURCE = "/dev/khabar/indexer/mapping/index-template.json";

  private final ElasticsearchClient client;
  private final String alias;

  public IndexSetup(ElasticsearchClient client, String alias) {
    this.client = client;
    this.alias = alias;
  }

  public void install() throws IOException {
    try (InputStream template = templateJson()) {
      client.indices().putIndexTemplate(t -> t.name(TEMPLATE_NAME).withJson(template));
    }
    if (client.indices().existsAlias(a -> a.name(alias)).value()) {
      return;
    }
    String first = alias + "-000001";
    try {
      client.indices().create(c -> c.index(first).aliases(alias, a -> a.isWriteIndex(true)));
      LOG.info("created index {} with alias {}", first, alias);
    } catch (ElasticsearchException e) {
      // Another instance created it first: that is the outcome we wanted.
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
  }

  /** Whether the template is installed and the alias exists: the indexer's readiness. */
  public boolean isInstalled() throws IOException {
    return client.indices().existsIndexTemplate(t -> t.name(TEMPLATE_NAME)).value()
        && client.indices().existsAlias(a -> a.name(alias)).value();
  }

  public static InputStream templateJson() throws IOException {
    InputStream in = IndexSetup.class.getResourceAsStream(TEMPLATE_RESOURCE);
    if (in == null) {
      throw new IOException(TEMPLATE_RESOURCE + " is missing from the jar");
    }
    return in;
  }
}
