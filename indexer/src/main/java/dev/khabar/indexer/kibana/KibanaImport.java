package dev.khabar.indexer.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import dev.khabar.common.contract.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Imports saved objects into Kibana through {@code POST /api/saved_objects/_import?overwrite=true}
 * (multipart, field {@code file}), the API Kibana 8 and 9 keep stable for NDJSON exports. Not
 * thread-safe; one import per instance.
 */
public final class KibanaImport {
  /** The saved objects bundled in the jar, a copy of {@code kibana/khabar-saved-objects.ndjson}. */
  public static final String BUNDLED = "/dev/khabar/indexer/kibana/khabar-saved-objects.ndjson";

  /** How to authenticate; {@link #toString()} never shows the secret. */
  public sealed interface Auth {
    String header();

    record None() implements Auth {
      @Override
      public String header() {
        return "";
      }
    }

    record ApiKey(String encoded) implements Auth {
      @Override
      public String header() {
        return "ApiKey " + encoded;
      }

      @Override
      public String toString() {
        return "ApiKey[set]";
      }
    }

    record Basic(String username, String password) implements Auth {
      @Override
      public String header() {
        return "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public String toString() {
        return "Basic[" + username + "]";
      }
    }
  }

  /**
   * One object of the import: imported, under {@code destinationId} when Kibana gave it an id of
   * its own (as when importing into another space), or failed with each of Kibana's errors for it.
   */
  public record Outcome(
      String type, String id, String title, Optional<String> destinationId, List<String> errors) {
    public boolean failed() {
      return !errors.isEmpty();
    }
  }

  /**
   * What Kibana answered. {@code importResponse} is false when the body is not an import result (an
   * error page, a proxy's login page): then only {@code status} and {@code body} tell.
   */
  public record Result(
      int status,
      boolean importResponse,
      boolean success,
      List<Outcome> outcomes,
      List<String> warnings,
      String body) {
    public boolean ok() {
      return status == 200 && importResponse && success && failed() == 0;
    }

    /** Objects that failed, each once however many errors Kibana gave for it. */
    public long failed() {
      return outcomes.stream().filter(Outcome::failed).count();
    }
  }

  private final URI kibana;
  private final Auth auth;
  private final Duration timeout;
  private final @Nullable SSLContext trust;

  /**
   * @param kibana the base URL, e.g. {@code https://kibana.example.org:5601}, with {@code /s/SPACE}
   *     appended for a space other than the default
   * @param trust the CA certificates to trust for HTTPS, or null for the JDK's
   */
  public KibanaImport(URI kibana, Auth auth, Duration timeout, @Nullable SSLContext trust) {
    String scheme = kibana.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "the Kibana URL must start with http:// or https://: " + kibana);
    }
    this.kibana = kibana;
    this.auth = auth;
    this.timeout = timeout;
    this.trust = trust;
  }

  public static byte[] bundled() throws IOException {
    try (InputStream in = KibanaImport.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IOException(BUNDLED + " is missing from the jar");
      }
      return in.readAllBytes();
    }
  }

  /**
   * Sends {@code ndjson} as the file {@link #uploadName(String) uploadName(fileName)}.
   *
   * @throws IOException when Kibana cannot be reached: no connection, a failed TLS handshake, no
   *     answer within the timeout
   */
  public Result importObjects(byte[] ndjson, String fileName)
      throws IOException, InterruptedException {
    String boundary = "khabar-" + UUID.randomUUID();
    String base = kibana.toString().replaceAll("/+$", "");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/api/saved_objects/_import?overwrite=true"))
            .timeout(timeout)
            // Kibana refuses API writes without it (its cross-site request forgery guard).
            .header("kbn-xsrf", "true")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    multipart(boundary, uploadName(fileName), ndjson)));
    if (!auth.header().isEmpty()) {
      request.header("Authorization", auth.header());
    }
    HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(timeout);
    if (trust != null) {
      client.sslContext(trust);
    }
    try (HttpClient http = client.build()) {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return parse(response.statusCode(), response.body());
    }
  }

  /**
   * The name the file is sent under: Kibana refuses a file whose name does not end in {@code
   * .ndjson} (HTTP 400, "Invalid file extension"), whatever it holds.
   */
  static String uploadName(String fileName) {
    // Quotes, backslashes and line breaks would end the Content-Disposition header early.
    String name = fileName.replaceAll("[\"\\\\\\r\\n]", "").strip();
    if (name.toLowerCase(Locale.ROOT).endsWith(".ndjson") && name.length() > ".ndjson".length()) {
      return name;
    }
    return (name.isEmpty() ? "saved-objects" : name) + ".ndjson";
  }

  static byte[] multipart(String boundary, String fileName, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\n"
            + "Content-Type: application/ndjson\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  static Result parse(int status, String body) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(body);
    } catch (IOException e) {
      return new Result(status, false, false, List.of(), List.of(), body);
    }
    if (json == null || !json.path("success").isBoolean()) {
      return new Result(status, false, false, List.of(), List.of(), body);
    }
    // Keyed by type and id: Kibana may list one object under several errors.
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (JsonNode done : json.path("successResults")) {
      Outcome outcome =
          new Outcome(
              done.path("type").asText(),
              done.path("id").asText(),
              done.path("meta").path("title").asText(),
              Optional.ofNullable(done.path("destinationId").textValue()),
              List.of());
      outcomes.merge(outcome.type() + "/" + outcome.id(), outcome, KibanaImport::merge);
    }
    for (JsonNode failed : json.path("errors")) {
      Outcome outcome =
          new Outcome(
              failed.path("type").asText(),
              failed.path("id").asText(),
              failed.path("title").asText(failed.path("meta").path("title").asText()),
              Optional.empty(),
              List.of(error(failed.path("error"))));
      outcomes.merge(outcome.type() + "/" + outcome.id(), outcome, KibanaImport::merge);
    }
    List<String> warnings = new ArrayList<>();
    for (JsonNode warning : json.path("warnings")) {
      String message = warning.path("message").asText(warning.toString());
      String action = warning.path("actionPath").asText("");
      warnings.add(action.isEmpty() ? message : message + " (" + action + ")");
    }
    return new Result(
        status,
        true,
        json.path("success").asBoolean(),
        List.copyOf(outcomes.values()),
        List.copyOf(warnings),
        body);
  }

  private static Outcome merge(Outcome first, Outcome second) {
    List<String> errors = new ArrayList<>(first.errors());
    errors.addAll(second.errors());
    return new Outcome(
        first.type(),
        first.id(),
        first.title().isEmpty() ? second.title() : first.title(),
        first.destinationId().or(second::destinationId),
        List.copyOf(errors));
  }

  /** Kibana's error for one object, in a few words: its type and what it names. */
  private static String error(JsonNode error) {
    String type = error.path("type").asText("unknown");
    if (error.has("references")) {
      List<String> missing = new ArrayList<>();
      error
          .path("references")
          .forEach(r -> missing.add(r.path("type").asText() + " " + r.path("id").asText()));
      return type + " " + missing;
    }
    if (error.has("destinations")) {
      List<String> destinations = new ArrayList<>();
      error.path("destinations").forEach(d -> destinations.add(d.path("id").asText()));
      return type + " " + destinations;
    }
    if (error.hasNonNull("destinationId")) {
      return type + " with " + error.path("destinationId").asText();
    }
    if (error.hasNonNull("message")) {
      return type + ": " + error.path("message").asText();
    }
    return type;
  }

  /**
   * An answer that is not an import result, in one line: Kibana's own {@code error} and {@code
   * message} when it gave them, else the start of the body.
   */
  static String describeAnswer(int status, String body) {
    try {
      JsonNode json = Json.mapper().readTree(body);
      if (json != null && json.hasNonNull("message")) {
        String error = json.path("error").asText("");
        return "HTTP "
            + status
            + (error.isEmpty() ? "" : " " + error)
            + ": "
            + json.path("message").asText();
      }
    } catch (IOException e) {
      // not JSON: the body itself says what it is
    }
    String text = body.replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "HTTP " + status + " with an empty body";
    }
    return "HTTP " + status + ": " + (text.length() <= 200 ? text : text.substring(0, 200) + "…");
  }
}
