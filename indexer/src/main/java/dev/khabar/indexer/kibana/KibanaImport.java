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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

  /** One object of the import: created or overwritten, or failed with Kibana's error type. */
  public record Outcome(String type, String id, String title, Optional<String> error) {}

  /** What Kibana answered. */
  public record Result(int status, boolean success, List<Outcome> outcomes, String body) {
    public boolean ok() {
      return status == 200 && success && outcomes.stream().allMatch(o -> o.error().isEmpty());
    }
  }

  private final URI kibana;
  private final Auth auth;
  private final Duration timeout;

  /**
   * @param kibana the base URL, e.g. {@code https://kibana.example.org:5601}, with {@code /s/SPACE}
   *     appended for a space other than the default
   */
  public KibanaImport(URI kibana, Auth auth, Duration timeout) {
    String scheme = kibana.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException(
          "the Kibana URL must start with http:// or https://: " + kibana);
    }
    this.kibana = kibana;
    this.auth = auth;
    this.timeout = timeout;
  }

  public static byte[] bundled() throws IOException {
    try (InputStream in = KibanaImport.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IOException(BUNDLED + " is missing from the jar");
      }
      return in.readAllBytes();
    }
  }

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
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fileName, ndjson)));
    if (!auth.header().isEmpty()) {
      request.header("Authorization", auth.header());
    }
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build()) {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return parse(response.statusCode(), response.body());
    }
  }

  static byte[] multipart(String boundary, String fileName, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\""
            + fileName.replace("\"", "")
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
      return new Result(status, false, List.of(), body);
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (JsonNode done : json.path("successResults")) {
      outcomes.add(
          new Outcome(
              done.path("type").asText(),
              done.path("id").asText(),
              done.path("meta").path("title").asText(),
              Optional.empty()));
    }
    for (JsonNode failed : json.path("errors")) {
      JsonNode error = failed.path("error");
      String what = error.path("type").asText("unknown");
      if (error.has("references")) {
        List<String> missing = new ArrayList<>();
        error
            .path("references")
            .forEach(r -> missing.add(r.path("type").asText() + " " + r.path("id").asText()));
        what += " " + missing;
      } else if (error.has("message")) {
        what += ": " + error.path("message").asText();
      }
      String title = failed.path("title").asText(failed.path("meta").path("title").asText());
      outcomes.add(
          new Outcome(
              failed.path("type").asText(), failed.path("id").asText(), title, Optional.of(what)));
    }
    return new Result(status, json.path("success").asBoolean(false), outcomes, body);
  }
}
