package dev.khabar.indexer.kibana;

import dev.khabar.common.service.Env;
import dev.khabar.indexer.es.ElasticsearchClients;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serial;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code khabar kibana-setup [--kibana URL] [--file FILE]}: imports the data view, the saved search
 * and the dashboard into Kibana, overwriting earlier versions, and reports each object. Every
 * failure ends in one line on the error stream and exit status 1: a setting that cannot be used, a
 * file that cannot be read, a Kibana that cannot be reached, an answer that is not an import
 * result, an object Kibana did not import.
 */
@Command(
    name = "kibana-setup",
    mixinStandardHelpOptions = true,
    description =
        "Imports Khabar's Kibana data view, saved search and dashboard (overwriting earlier versions).")
public final class KibanaSetupCommand implements Callable<Integer> {
  static final String DEFAULT_URL = "http://127.0.0.1:5601";

  private final Env env;

  @Option(
      names = "--kibana",
      description =
          "Kibana URL (default: $KHABAR_KIBANA_URL or "
              + DEFAULT_URL
              + "); add /s/SPACE for a space")
  @Nullable String url;

  @Option(
      names = "--file",
      description =
          "an NDJSON export to import instead of the bundled saved objects (any file name)")
  @Nullable Path file;

  @Option(names = "--timeout", description = "HTTP timeout in seconds (default: ${DEFAULT-VALUE})")
  int timeoutSeconds = 30;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public KibanaSetupCommand() {
    this(Env.system());
  }

  KibanaSetupCommand(Env env) {
    this.env = env;
  }

  /** A failure already described in one line. */
  private static final class Failure extends Exception {
    @Serial private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    String problem;
    try {
      return importObjects(out);
    } catch (Failure | IllegalArgumentException e) {
      problem = e.getMessage();
    } finally {
      out.flush();
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("kibana-setup: " + String.valueOf(problem).replaceAll("\\s+", " ").strip());
    err.flush();
    return 1;
  }

  private int importObjects(PrintWriter out) throws Failure, InterruptedException {
    URI kibana = kibanaUrl();
    Duration timeout = timeout();
    KibanaImport.Auth auth = auth();
    Optional<String> ca = env.optional("KHABAR_KIBANA_CA_CERT");
    @Nullable SSLContext trust =
        ca.map(path -> ElasticsearchClients.sslContext(Path.of(path), "KHABAR_KIBANA_CA_CERT"))
            .orElse(null);
    byte[] ndjson = read();
    String name = file == null ? "khabar-saved-objects.ndjson" : file.getFileName().toString();

    KibanaImport.Result result;
    try {
      result = new KibanaImport(kibana, auth, timeout, trust).importObjects(ndjson, name);
    } catch (IOException e) {
      throw new Failure(unreachable(kibana, e, timeout, ca.isPresent()));
    }
    if (result.status() != 200 || !result.importResponse()) {
      String answer = KibanaImport.describeAnswer(result.status(), result.body());
      throw new Failure(
          "Kibana at "
              + kibana
              + " answered "
              + answer
              + (result.status() == 401
                  ? " (credentials: KHABAR_KIBANA_API_KEY, or KHABAR_KIBANA_USERNAME and"
                      + " KHABAR_KIBANA_PASSWORD)"
                  : "")
              + (result.status() == 200 ? ", which is not an import result" : ""));
    }
    long failed = result.failed();
    out.printf(
        "%d saved objects imported into %s, %d failed%n",
        result.outcomes().size() - failed, kibana, failed);
    for (KibanaImport.Outcome outcome : result.outcomes()) {
      out.printf(
          "  %s %s %s «%s»%s%n",
          outcome.failed() ? "failed " : "ok     ",
          outcome.type(),
          outcome.id(),
          outcome.title(),
          outcome.failed()
              ? ": " + String.join("; ", outcome.errors())
              : outcome
                  .destinationId()
                  .filter(id -> !id.equals(outcome.id()))
                  .map(id -> " as " + id)
                  .orElse(""));
    }
    for (String warning : result.warnings()) {
      out.printf("warning: %s%n", warning);
    }
    if (!result.ok()) {
      throw new Failure(
          failed > 0
              ? failed + " of " + result.outcomes().size() + " saved objects failed"
              : "Kibana reported the import as unsuccessful");
    }
    return 0;
  }

  /** --kibana, else KHABAR_KIBANA_URL, else the local default; http or https, with a host. */
  URI kibanaUrl() {
    String name = url != null ? "option --kibana" : "setting KHABAR_KIBANA_URL";
    String value = url != null ? url : env.string("KHABAR_KIBANA_URL", DEFAULT_URL);
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw invalidUrl(name, value);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawUserInfo() != null) {
      // Not echoed: the value holds a password.
      throw new IllegalArgumentException(
          name
              + " is not valid: credentials in the URL are not used; set KHABAR_KIBANA_API_KEY, or"
              + " KHABAR_KIBANA_USERNAME and KHABAR_KIBANA_PASSWORD");
    }
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw invalidUrl(name, value);
    }
    return uri;
  }

  private static IllegalArgumentException invalidUrl(String name, String value) {
    return new IllegalArgumentException(
        name
            + "='"
            + value
            + "' is not valid: expected an http:// or https:// URL such as "
            + DEFAULT_URL
            + ", with /s/SPACE for a space");
  }

  private Duration timeout() {
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException(
          "option --timeout=" + timeoutSeconds + " is not valid: expected at least 1 (seconds)");
    }
    return Duration.ofSeconds(timeoutSeconds);
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

  private byte[] read() throws Failure {
    if (file == null) {
      try {
        return KibanaImport.bundled();
      } catch (IOException e) {
        throw new Failure(e.getMessage());
      }
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new Failure("cannot read --file " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new Failure("cannot read --file " + file + ": permission denied");
    } catch (IOException e) {
      throw new Failure("cannot read --file " + file + ": " + e);
    }
  }

  /** Why Kibana could not be reached, in one line, with what to do where there is something. */
  static String unreachable(URI kibana, IOException e, Duration timeout, boolean caSet) {
    if (e instanceof HttpConnectTimeoutException) {
      return "Kibana at "
          + kibana
          + " did not accept a connection within "
          + timeout.toSeconds()
          + " s (--timeout)";
    }
    if (e instanceof HttpTimeoutException) {
      return "Kibana at "
          + kibana
          + " did not answer within "
          + timeout.toSeconds()
          + " s (--timeout)";
    }
    if (e instanceof SSLException) {
      return "the TLS handshake with Kibana at "
          + kibana
          + " failed: "
          + cause(e)
          + (caSet
              ? " (trusting only the CA of KHABAR_KIBANA_CA_CERT)"
              : "; if a private CA signed Kibana's certificate, set KHABAR_KIBANA_CA_CERT to its"
                  + " PEM file");
    }
    if (e instanceof ConnectException) {
      Throwable root = root(e);
      String message = root.getMessage();
      // The JDK's client says nothing but a closed channel when the port refuses the connection.
      return "cannot connect to Kibana at "
          + kibana
          + ": "
          + (root instanceof UnresolvedAddressException
              ? "unknown host"
              : message == null || message.isBlank() ? "connection refused" : message);
    }
    return "cannot reach Kibana at " + kibana + ": " + cause(e);
  }

  /** The innermost cause's message, which names the problem (the outer ones wrap it). */
  private static String cause(Throwable e) {
    Throwable root = root(e);
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  private static Throwable root(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new KibanaSetupCommand()).execute(args));
  }
}
