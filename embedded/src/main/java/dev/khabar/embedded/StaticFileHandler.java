package dev.khabar.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Serves the files under a root directory for GET and HEAD, {@code index.html} for a directory,
 * with {@code Last-Modified} and {@code If-Modified-Since} as a crawler expects. In text files the
 * token {@code {{base}}} becomes the site's base URL. Stateless, so safe for concurrent requests.
 */
final class StaticFileHandler implements HttpHandler {

  static final String BASE_TOKEN = "{{base}}";

  private final Path root;
  private final Supplier<String> baseUrl;

  StaticFileHandler(Path root, Supplier<String> baseUrl) {
    this.root = root.toAbsolutePath().normalize();
    this.baseUrl = baseUrl;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!head && !method.equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        sendText(exchange, 405, "method not allowed: " + method, false);
        return;
      }
      Path file = resolve(exchange.getRequestURI().getPath());
      if (file == null) {
        sendText(exchange, 404, "not found: " + exchange.getRequestURI().getPath(), head);
        return;
      }
      Instant modified =
          Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
      exchange.getResponseHeaders().set("Last-Modified", httpDate(modified));
      if (notModifiedSince(exchange, modified)) {
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      String name = file.getFileName().toString();
      byte[] body = Files.readAllBytes(file);
      if (ContentTypes.isTemplated(name)) {
        body =
            new String(body, StandardCharsets.UTF_8)
                .replace(BASE_TOKEN, baseUrl.get())
                .getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", ContentTypes.of(name));
      send(exchange, 200, body, head);
    }
  }

  /** The regular file a request path names, or null if there is none inside the root. */
  private @Nullable Path resolve(String requestPath) {
    Path file;
    try {
      file = root.resolve(requestPath.replaceFirst("^/+", "")).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
    if (!file.startsWith(root)) {
      return null; // "/../secret": outside the site.
    }
    if (Files.isDirectory(file)) {
      file = file.resolve("index.html");
    }
    return Files.isRegularFile(file) ? file : null;
  }

  private static boolean notModifiedSince(HttpExchange exchange, Instant modified) {
    String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
    if (since == null) {
      return false;
    }
    try {
      Instant sinceInstant = DateTimeFormatter.RFC_1123_DATE_TIME.parse(since, Instant::from);
      return !modified.isAfter(sinceInstant);
    } catch (DateTimeParseException e) {
      return false; // An unparseable date is ignored, as RFC 9110 says.
    }
  }

  private static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  private static void sendText(HttpExchange exchange, int status, String text, boolean head)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, status, (text + "\n").getBytes(StandardCharsets.UTF_8), head);
  }

  private static void send(HttpExchange exchange, int status, byte[] body, boolean head)
      throws IOException {
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
