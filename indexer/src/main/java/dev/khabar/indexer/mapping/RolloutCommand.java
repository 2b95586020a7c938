package dev.khabar.indexer.mapping;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.khabar.common.contract.Topics;
import dev.khabar.common.service.Env;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code khabar rollout}: rolls out the mapping of the current index template into a new index
 * behind the alias. By default it copies the documents (scroll + bulk, external versions) and swaps
 * the alias; with {@code --swap-to INDEX} it only swaps the alias to an index that was filled by
 * replaying the articles topic; with {@code --fill} it only gives the fields this version computes
 * to the documents behind the alias that lack them (see the README, "Mapping changes").
 */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    description =
        "Rolls out a new mapping version: next index from the template, copy, atomic alias swap.")
public final class RolloutCommand implements Callable<Integer> {
  @Option(
      names = "--es",
      description = "Elasticsearch URL (default: $KHABAR_ES_URL or http://127.0.0.1:9200)")
  String url = Env.system().string("KHABAR_ES_URL", "http://127.0.0.1:9200");

  @Option(names = "--alias", description = "the alias (default: $KHABAR_ES_ALIAS or news-articles)")
  String alias = Env.system().string("KHABAR_ES_ALIAS", Topics.INDEX_ALIAS);

  @Option(names = "--template", description = "a template JSON file instead of the one in the jar")
  @Nullable Path template;

  @Option(
      names = "--template-name",
      description = "the composable template's name (default: ${DEFAULT-VALUE})")
  String templateName = IndexSetup.TEMPLATE_NAME;

  @Option(
      names = "--swap-to",
      description = "only swap the alias to this existing index (after a replay from Kafka)")
  @Nullable String swapTo;

  @Option(
      names = "--fill",
      description =
          "only give the fields this version computes (the time field) to documents of the alias that"
              + " lack them, once every indexer runs this version")
  boolean fill;

  @Option(
      names = "--settle",
      description =
          "seconds to wait after the swap before the catch-up copy (default: ${DEFAULT-VALUE})")
  int settleSeconds = 5;

  @Option(
      names = "--delete-old",
      description = "delete the old index once the new one holds at least as many documents")
  boolean deleteOld;

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
    try (ElasticsearchClient client = ElasticsearchClients.create(settings)) {
      return run(new Rollout(client, alias), spec.commandLine().getOut());
    }
  }

  int run(Rollout rollout, PrintWriter out) throws Exception {
    if (fill) {
      Rollout.Copied filled = rollout.fill();
      out.printf(
          "alias %s: %d documents given the computed fields (%d already newer)%n",
          alias, filled.documents() - filled.alreadyNewer(), filled.alreadyNewer());
      out.flush();
      return 0;
    }
    String old = rollout.currentWriteIndex();
    if (swapTo != null) {
      rollout.swap(swapTo);
      out.printf("alias %s: %s → %s (%d documents)%n", alias, old, swapTo, rollout.count(swapTo));
      out.flush();
      return 0;
    }
    String next = Rollout.next(old);
    try (InputStream json =
        template == null ? IndexSetup.templateJson() : Files.newInputStream(template)) {
      rollout.createFromTemplate(templateName, json, next);
    }
    out.printf("created %s from template %s%n", next, templateName);
    // Margin for clock skew between this machine and the indexer's: re-copying is harmless.
    Instant copyStart = Instant.now().minus(Duration.ofMinutes(1));
    Rollout.Copied copied = rollout.copy(old, next, null);
    out.printf("copied %d documents from %s%n", copied.documents(), old);
    rollout.swap(next);
    out.printf("alias %s now writes to %s%n", alias, next);
    Thread.sleep(Duration.ofSeconds(settleSeconds));
    Rollout.Copied caughtUp = rollout.copy(old, next, copyStart);
    out.printf(
        "caught up %d documents indexed during the copy (%d already newer)%n",
        caughtUp.documents(), caughtUp.alreadyNewer());
    long before = rollout.count(old);
    long after = rollout.count(next);
    out.printf("%s: %d documents, %s: %d documents%n", old, before, next, after);
    if (after < before) {
      out.printf("the new index holds fewer documents than the old one; %s is kept%n", old);
      out.flush();
      return 1;
    }
    if (deleteOld) {
      rollout.deleteOld(old);
      out.printf("deleted %s%n", old);
    } else {
      out.printf("kept %s; delete it when satisfied: curl -X DELETE %s/%s%n", old, url, old);
    }
    out.flush();
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new RolloutCommand()).execute(args));
  }
}
