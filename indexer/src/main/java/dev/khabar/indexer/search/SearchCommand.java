package dev.khabar.indexer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.khabar.common.contract.Topics;
import dev.khabar.common.service.Env;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code khabar search QUERY}: the top hits from the index, with title, site, date and entities.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Searches the news-articles index (Arabic and English analysis) and prints the top hits.")
public final class SearchCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", description = "the words to search for")
  List<String> words = new ArrayList<>();

  @Option(
      names = "--es",
      description = "Elasticsearch URL (default: $KHABAR_ES_URL or http://127.0.0.1:9200)")
  String url = Env.system().string("KHABAR_ES_URL", "http://127.0.0.1:9200");

  @Option(
      names = {"-n", "--size"},
      description = "how many hits (default: ${DEFAULT-VALUE})")
  int size = 10;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Env env = Env.system();
    EsSettings settings =
        new EsSettings(
            url,
            env.optional("KHABAR_ES_API_KEY"),
            env.optional("KHABAR_ES_USERNAME"),
            env.optional("KHABAR_ES_PASSWORD"),
            env.optional("KHABAR_ES_CA_CERT"));
    PrintWriter out = spec.commandLine().getOut();
    try (ElasticsearchClient client = ElasticsearchClients.create(settings)) {
      SearchResponse<JsonNode> response =
          new ArticleSearch(client, env.string("KHABAR_ES_ALIAS", Topics.INDEX_ALIAS))
              .search(String.join(" ", words), size);
      out.printf(
          "%d hits for «%s»%n",
          response.hits().total() == null ? 0 : response.hits().total().value(),
          String.join(" ", words));
      for (Hit<JsonNode> hit : response.hits().hits()) {
        out.println(ArticleSearch.describe(hit));
      }
      out.flush();
    }
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SearchCommand()).execute(args));
  }
}
