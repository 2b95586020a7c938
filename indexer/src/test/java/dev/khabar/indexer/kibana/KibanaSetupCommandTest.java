package dev.khabar.indexer.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.khabar.common.service.Env;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** kibana-setup against a loopback stand-in for Kibana's import API. */
class KibanaSetupCommandTest {
  private final Map<String, String> request = new ConcurrentHashMap<>();
  private HttpServer kibana;

  private String start(int status, String response) throws Exception {
    kibana = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    kibana.createContext(
        "/",
        exchange -> {
          request.put("method", exchange.getRequestMethod());
          request.put("uri", exchange.getRequestURI().toString());
          request.put(
              "kbn-xsrf", String.valueOf(exchange.getRequestHeaders().getFirst("kbn-xsrf")));
          request.put(
              "content-type",
              String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
          request.put(
              "authorization",
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          request.put(
              "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    kibana.start();
    return "http://127.0.0.1:" + kibana.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (kibana != null) {
      kibana.stop(0);
    }
  }

  private int run(Env env, StringWriter output, String... args) {
    CommandLine command = new CommandLine(new KibanaSetupCommand(env));
    command.setOut(new PrintWriter(output));
    return command.execute(args);
  }

  @Test
  void postsTheBundledNdjsonAsAMultipartFileWithTheXsrfHeader() throws Exception {
    String url =
        start(
            200,
            "{\"success\":true,\"successCount\":3,\"successResults\":["
                + "{\"type\":\"index-pattern\",\"id\":\"khabar-news-articles\",\"meta\":{\"title\":\"news-articles*\"}},"
                + "{\"type\":\"search\",\"id\":\"khabar-latest-articles\",\"meta\":{\"title\":\"Latest articles\"}},"
                + "{\"type\":\"dashboard\",\"id\":\"khabar-news-overview\",\"meta\":{\"title\":\"Khabar news overview\"}}]}");
    StringWriter output = new StringWriter();

    int exit =
        run(
            new Env(
                Map.of("KHABAR_KIBANA_USERNAME", "elastic", "KHABAR_KIBANA_PASSWORD", "s3cret")),
            output,
            "--kibana",
            url);

    assertEquals(0, exit, output.toString());
    assertEquals("POST", request.get("method"));
    assertEquals("/api/saved_objects/_import?overwrite=true", request.get("uri"));
    assertEquals("true", request.get("kbn-xsrf"));
    assertEquals("Basic ZWxhc3RpYzpzM2NyZXQ=", request.get("authorization"));
    String boundary =
        request.get("content-type").replaceFirst("^multipart/form-data; boundary=", "");
    String body = request.get("body");
    String ndjson = new String(KibanaImport.bundled(), StandardCharsets.UTF_8);
    assertTrue(
        body.startsWith(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"khabar-saved-objects.ndjson\"\r\n"),
        body.substring(0, 200));
    assertTrue(
        body.contains("\r\n\r\n" + ndjson + "\r\n--" + boundary + "--\r\n"),
        "the file part holds the NDJSON unchanged");
    assertTrue(
        output.toString().startsWith("3 saved objects imported into " + url + ", 0 failed"),
        output.toString());
    assertTrue(
        output.toString().contains("ok      dashboard khabar-news-overview «Khabar news overview»"),
        output.toString());
    assertTrue(!output.toString().contains("s3cret"));
  }

  @Test
  void apiKeyIsPreferredAndTheUrlComesFromTheEnvironment() throws Exception {
    String url = start(200, "{\"success\":true,\"successCount\":0,\"successResults\":[]}");

    int exit =
        run(
            new Env(
                Map.of(
                    "KHABAR_KIBANA_URL",
                    url + "/s/news",
                    "KHABAR_KIBANA_API_KEY",
                    "a2V5OnNlY3JldA==",
                    "KHABAR_KIBANA_USERNAME",
                    "elastic",
                    "KHABAR_KIBANA_PASSWORD",
                    "x")),
            new StringWriter());

    assertEquals(0, exit);
    assertEquals("/s/news/api/saved_objects/_import?overwrite=true", request.get("uri"));
    assertEquals("ApiKey a2V5OnNlY3JldA==", request.get("authorization"));
  }

  @Test
  void reportsEachFailedObjectAndExitsWithOne() throws Exception {
    String url =
        start(
            200,
            "{\"success\":false,\"successCount\":1,"
                + "\"successResults\":[{\"type\":\"index-pattern\",\"id\":\"khabar-news-articles\",\"meta\":{\"title\":\"news-articles*\"}}],"
                + "\"errors\":[{\"id\":\"khabar-news-overview\",\"type\":\"dashboard\",\"title\":\"Khabar news overview\",\"meta\":{\"title\":\"Khabar news overview\"},"
                + "\"error\":{\"type\":\"missing_references\",\"references\":[{\"type\":\"search\",\"id\":\"khabar-latest-articles\"}]}}]}");
    StringWriter output = new StringWriter();

    int exit = run(new Env(Map.of()), output, "--kibana", url);

    assertEquals(1, exit);
    assertTrue(
        output.toString().startsWith("1 saved objects imported into " + url + ", 1 failed"),
        output.toString());
    assertTrue(
        output
            .toString()
            .contains(
                "failed  dashboard khabar-news-overview «Khabar news overview»: missing_references [search khabar-latest-articles]"),
        output.toString());
    assertEquals("null", request.get("authorization"));
  }

  @Test
  void anHttpErrorIsReportedWithItsStatus() throws Exception {
    String url =
        start(
            401,
            "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"unable to authenticate\"}");
    StringWriter output = new StringWriter();

    int exit = run(new Env(Map.of()), output, "--kibana", url);

    assertEquals(1, exit);
    assertTrue(
        output.toString().startsWith("Kibana at " + url + " answered HTTP 401: "),
        output.toString());
  }
}
