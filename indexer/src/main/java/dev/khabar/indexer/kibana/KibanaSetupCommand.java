package dev.khabar.indexer.kibana;

import dev.khabar.common.service.Env;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code khabar kibana-setup [--kibana URL]}: imports the data view, the saved search and the
 * dashboard into Kibana, overwriting earlier versions, and reports each object.
 */
@Command(
    name = "kibana-setup",
    mixinStandardHelpOptions = true,
    description =
        "Imports Khabar's Kibana data view, saved search and dashboard (overwriting earlier versions).")
public final class KibanaSetupCommand implements Callable<Integer> {
  private final Env env;

  @Option(
      names = "--kibana",
      description =
          "Kibana URL (default: $KHABAR_KIBANA_URL or http://127.0.0.1:5601); add /s/SPACE for a space")
  String url;

  @Option(
      names = "--file",
      description = "an NDJSON export to import instead of the bundled saved objects")
  @Nullable Path file;

  @Option(names = "--timeout", description = "HTTP timeout in seconds (default: ${DEFAULT-VALUE})")
  int timeoutSeconds = 30;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public KibanaSetupCommand() {
    this(Env.system());
  }

  KibanaSetupCommand(Env env) {
    this.env = env;
    this.url = env.string("KHABAR_KIBANA_URL", "http://127.0.0.1:5601");
  }

  /** KHABAR_KIBANA_API_KEY, else KHABAR_KIBANA_USERNAME and KHABAR_KIBANA_PASSWORD, else none. */
  KibanaImport.Auth auth() {
    var apiKey = env.optional("KHABAR_KIBANA_API_KEY");
    if (apiKey.isPresent()) {
      return new KibanaImport.Auth.ApiKey(apiKey.get());
    }
    var username = env.optional("KHABAR_KIBANA_USERNAME");
    var password = env.optional("KHABAR_KIBANA_PASSWORD");
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException(
          "KHABAR_KIBANA_USERNAME and KHABAR_KIBANA_PASSWORD must be set together");
    }
    return username.isPresent()
        ? new KibanaImport.Auth.Basic(username.get(), password.get())
        : new KibanaImport.Auth.None();
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    byte[] ndjson = file == null ? KibanaImport.bundled() : Files.readAllBytes(file);
    String name = file == null ? "khabar-saved-objects.ndjson" : file.getFileName().toString();
    KibanaImport.Result result =
        new KibanaImport(URI.create(url), auth(), Duration.ofSeconds(timeoutSeconds))
            .importObjects(ndjson, name);
    if (result.status() != 200) {
      out.printf(
          "Kibana at %s answered HTTP %d: %s%n", url, result.status(), abbreviate(result.body()));
      out.flush();
      return 1;
    }
    long failed = result.outcomes().stream().filter(o -> o.error().isPresent()).count();
    out.printf(
        "%d saved objects imported into %s, %d failed%n",
        result.outcomes().size() - failed, url, failed);
    for (KibanaImport.Outcome outcome : result.outcomes()) {
      out.printf(
          "  %s %s %s «%s»%s%n",
          outcome.error().isPresent() ? "failed " : "ok     ",
          outcome.type(),
          outcome.id(),
          outcome.title(),
          outcome.error().map(e -> ": " + e).orElse(""));
    }
    out.flush();
    return result.ok() ? 0 : 1;
  }

  private static String abbreviate(String body) {
    return body.length() <= 500 ? body : body.substring(0, 500) + "…";
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new KibanaSetupCommand()).execute(args));
  }
}
