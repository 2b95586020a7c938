package dev.khabar.indexer.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.service.Env;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** kibana-setup against a loopback stand-in for Kibana's import API. */
class KibanaSetupCommandTest {
  private static final String IMPORTED_ALL =
      "{\"success\":true,\"successCount\":3,\"successResults\":["
          + "{\"type\":\"index-pattern\",\"id\":\"khabar-news-articles\",\"meta\":{\"title\":\"news-articles\"}},"
          + "{\"type\":\"search\",\"id\":\"khabar-latest-articles\",\"meta\":{\"title\":\"Latest articles\"}},"
          + "{\"type\":\"dashboard\",\"id\":\"khabar-news-overview\",\"meta\":{\"title\":\"Khabar news overview\"}}],"
          + "\"warnings\":[]}";

  record Run(int exit, List<String> out, List<String> err) {}

  static Run run(Env env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new KibanaSetupCommand(env));
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exit = command.execute(args);
    return new Run(exit, out.toString().lines().toList(), err.toString().lines().toList());
  }

  @Test
  void postsTheBundledNdjsonAsAMultipartFileWithTheXsrfHeader() throws Exception {
    try (LoopbackKibana kibana = LoopbackKibana.http(200, IMPORTED_ALL)) {
      Run run =
          run(
              new Env(
                  Map.of("KHABAR_KIBANA_USERNAME", "elastic", "KHABAR_KIBANA_PASSWORD", "s3cret")),
              "--kibana",
              kibana.url());

      assertEquals(0, run.exit(), run.toString());
      assertEquals(
          List.of(
              "3 saved objects imported into " + kibana.url() + ", 0 failed",
              "  ok      index-pattern khabar-news-articles «news-articles»",
              "  ok      search khabar-latest-articles «Latest articles»",
              "  ok      dashboard khabar-news-overview «Khabar news overview»"),
          run.out());
      assertEquals(List.of(), run.err());
      assertEquals("POST", kibana.request.get("method"));
      assertEquals("/api/saved_objects/_import?overwrite=true", kibana.request.get("uri"));
      assertEquals("true", kibana.request.get("kbn-xsrf"));
      assertEquals("Basic ZWxhc3RpYzpzM2NyZXQ=", kibana.request.get("authorization"));
      String boundary =
          kibana.request.get("content-type").replaceFirst("^multipart/form-data; boundary=", "");
      String ndjson = new String(KibanaImport.bundled(), StandardCharsets.UTF_8);
      assertEquals(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"khabar-saved-objects.ndjson\""
              + "\r\nContent-Type: application/ndjson\r\n\r\n"
              + ndjson
              + "\r\n--"
              + boundary
              + "--\r\n",
          kibana.request.get("body"));
    }
  }

  @Test
  void apiKeyIsPreferredAndTheUrlComesFromTheEnvironment() throws Exception {
    try (LoopbackKibana kibana = LoopbackKibana.http(200, IMPORTED_ALL)) {
      Run run =
          run(
              new Env(
                  Map.of(
                      "KHABAR_KIBANA_URL",
                      kibana.url() + "/s/news",
                      "KHABAR_KIBANA_API_KEY",
                      "a2V5OnNlY3JldA==",
                      "KHABAR_KIBANA_USERNAME",
                      "elastic",
                      "KHABAR_KIBANA_PASSWORD",
                      "x")));

      assertEquals(0, run.exit(), run.toString());
      assertEquals("/s/news/api/saved_objects/_import?overwrite=true", kibana.request.get("uri"));
      assertEquals("ApiKey a2V5OnNlY3JldA==", kibana.request.get("authorization"));
    }
  }

  @Test
  void aFileNotEndingInNdjsonIsSentUnderAnNdjsonName(@TempDir Path dir) throws Exception {
    Path export = dir.resolve("export.json");
    Files.writeString(export, "{\"id\":\"x\",\"type\":\"search\",\"attributes\":{}}\n");
    try (LoopbackKibana kibana = LoopbackKibana.http(200, IMPORTED_ALL)) {
      Run run = run(new Env(Map.of()), "--kibana", kibana.url(), "--file", export.toString());

      assertEquals(0, run.exit(), run.toString());
      assertTrue(
          kibana
              .request
              .get("body")
              .contains(
                  "Content-Disposition: form-data; name=\"file\"; filename=\"export.json.ndjson\""
                      + "\r\nContent-Type: application/ndjson\r\n\r\n"
                      + "{\"id\":\"x\",\"type\":\"search\",\"attributes\":{}}\n\r\n--"),
          kibana.request.get("body"));
    }
  }

  @Test
  void reportsEachFailedObjectAndExitsWithOne() throws Exception {
    try (LoopbackKibana kibana =
        LoopbackKibana.http(
            200,
            "{\"success\":false,\"successCount\":1,"
                + "\"successResults\":[{\"type\":\"index-pattern\",\"id\":\"khabar-news-articles\",\"meta\":{\"title\":\"news-articles\"}}],"
                + "\"errors\":[{\"id\":\"khabar-news-overview\",\"type\":\"dashboard\",\"title\":\"Khabar news overview\",\"meta\":{\"title\":\"Khabar news overview\"},"
                + "\"error\":{\"type\":\"missing_references\",\"references\":[{\"type\":\"search\",\"id\":\"khabar-latest-articles\"}]}}],"
                + "\"warnings\":[]}")) {
      Run run = run(new Env(Map.of()), "--kibana", kibana.url());

      assertEquals(1, run.exit());
      assertEquals(
          List.of(
              "1 saved objects imported into " + kibana.url() + ", 1 failed",
              "  ok      index-pattern khabar-news-articles «news-articles»",
              "  failed  dashboard khabar-news-overview «Khabar news overview»: missing_references"
                  + " [search khabar-latest-articles]"),
          run.out());
      assertEquals(List.of("kibana-setup: 1 of 2 saved objects failed"), run.err());
      assertEquals(null, kibana.request.get("authorization"));
    }
  }

  @Test
  void anObjectWithSeveralErrorsIsCountedOnce() throws Exception {
    try (LoopbackKibana kibana =
        LoopbackKibana.http(
            200,
            "{\"success\":false,\"successCount\":2,\"successResults\":["
                + "{\"type\":\"index-pattern\",\"id\":\"khabar-news-articles\",\"meta\":{\"title\":\"news-articles\"}},"
                + "{\"type\":\"search\",\"id\":\"khabar-latest-articles\",\"meta\":{\"title\":\"Latest articles\"}}],"
                + "\"errors\":["
                + "{\"id\":\"khabar-news-overview\",\"type\":\"dashboard\",\"meta\":{\"title\":\"Khabar news overview\"},"
                + "\"error\":{\"type\":\"unsupported_type\"}},"
                + "{\"id\":\"khabar-news-overview\",\"type\":\"dashboard\",\"meta\":{\"title\":\"Khabar news overview\"},"
                + "\"error\":{\"type\":\"unknown\",\"message\":\"panel by-site cannot be migrated\",\"statusCode\":400}}],"
                + "\"warnings\":[]}")) {
      Run run = run(new Env(Map.of()), "--kibana", kibana.url());

      assertEquals(1, run.exit());
      assertEquals(
          List.of(
              "2 saved objects imported into " + kibana.url() + ", 1 failed",
              "  ok      index-pattern khabar-news-articles «news-articles»",
              "  ok      search khabar-latest-articles «Latest articles»",
              "  failed  dashboard khabar-news-overview «Khabar news overview»: unsupported_type;"
                  + " unknown: panel by-site cannot be migrated"),
          run.out());
      assertEquals(List.of("kibana-setup: 1 of 3 saved objects failed"), run.err());
    }
  }

  @Test
  void newIdsAndWarningsArePrinted() throws Exception {
    try (LoopbackKibana kibana =
        LoopbackKibana.http(
            200,
            "{\"success\":true,\"successCount\":3,\"successResults\":["
                + "{\"type\":\"index-pattern\",\"id\":\"khabar-news-articles\",\"destinationId\":\"5b1e6f2c-0d4a-4c39-9d8e-2f7a1b3c4d5e\",\"meta\":{\"title\":\"news-articles\"}},"
                + "{\"type\":\"search\",\"id\":\"khabar-latest-articles\",\"destinationId\":\"khabar-latest-articles\",\"meta\":{\"title\":\"Latest articles\"}},"
                + "{\"type\":\"dashboard\",\"id\":\"khabar-news-overview\",\"overwrite\":true,\"meta\":{\"title\":\"Khabar news overview\"}}],"
                + "\"warnings\":["
                + "{\"type\":\"simple\",\"message\":\"The data view news-articles matches no index yet\"},"
                + "{\"type\":\"action_required\",\"message\":\"Review the imported data view\","
                + "\"actionPath\":\"/app/management/kibana/dataViews\",\"buttonLabel\":\"Review\"}]}")) {
      Run run = run(new Env(Map.of()), "--kibana", kibana.url() + "/s/analysts");

      assertEquals(0, run.exit(), run.toString());
      assertEquals(
          List.of(
              "3 saved objects imported into " + kibana.url() + "/s/analysts, 0 failed",
              "  ok      index-pattern khabar-news-articles «news-articles» as"
                  + " 5b1e6f2c-0d4a-4c39-9d8e-2f7a1b3c4d5e",
              "  ok      search khabar-latest-articles «Latest articles»",
              "  ok      dashboard khabar-news-overview «Khabar news overview»",
              "warning: The data view news-articles matches no index yet",
              "warning: Review the imported data view (/app/management/kibana/dataViews)"),
          run.out());
    }
  }

  @Test
  void anHttpErrorIsOneLineWithKibanasMessage() throws Exception {
    try (LoopbackKibana kibana =
        LoopbackKibana.http(
            401,
            "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"unable to authenticate user\"}")) {
      Run run = run(new Env(Map.of()), "--kibana", kibana.url());

      assertEquals(1, run.exit());
      assertEquals(List.of(), run.out());
      assertEquals(
          List.of(
              "kibana-setup: Kibana at "
                  + kibana.url()
                  + " answered HTTP 401 Unauthorized: unable to authenticate user (credentials:"
                  + " KHABAR_KIBANA_API_KEY, or KHABAR_KIBANA_USERNAME and KHABAR_KIBANA_PASSWORD)"),
          run.err());
    }
  }

  @Test
  void anAnswerThatIsNotAnImportResultIsOneLine() throws Exception {
    try (LoopbackKibana kibana =
        LoopbackKibana.http(200, "<html>\n<body>Please log in</body>\n</html>\n")) {
      Run run = run(new Env(Map.of()), "--kibana", kibana.url());

      assertEquals(1, run.exit());
      assertEquals(
          List.of(
              "kibana-setup: Kibana at "
                  + kibana.url()
                  + " answered HTTP 200: <html> <body>Please log in</body> </html>, which is not"
                  + " an import result"),
          run.err());
    }
  }

  @Test
  void aRefusedConnectionIsOneLine() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = socket.getLocalPort();
    }

    Run run = run(new Env(Map.of()), "--kibana", "http://127.0.0.1:" + closed);

    assertEquals(1, run.exit());
    assertEquals(
        List.of(
            "kibana-setup: cannot connect to Kibana at http://127.0.0.1:"
                + closed
                + ": connection refused"),
        run.err());
  }

  @Test
  void noAnswerWithinTheTimeoutIsOneLine() throws Exception {
    // Never accepted, yet connected: the kernel completes the handshake for the listen backlog.
    try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
      String url = "http://127.0.0.1:" + silent.getLocalPort();

      Run run = run(new Env(Map.of()), "--kibana", url, "--timeout", "1");

      assertEquals(1, run.exit());
      assertEquals(
          List.of("kibana-setup: Kibana at " + url + " did not answer within 1 s (--timeout)"),
          run.err());
    }
  }

  @Test
  void aUrlWithoutSchemeIsRefusedNamingTheSetting() {
    Run run = run(new Env(Map.of("KHABAR_KIBANA_URL", "kibana.example.org:5601")));

    assertEquals(1, run.exit());
    assertEquals(
        List.of(
            "kibana-setup: setting KHABAR_KIBANA_URL='kibana.example.org:5601' is not valid:"
                + " expected an http:// or https:// URL such as http://127.0.0.1:5601, with"
                + " /s/SPACE for a space"),
        run.err());
  }

  @Test
  void aCaFileWithoutACertificateIsRefusedBeforeAnyRequest(@TempDir Path dir) throws Exception {
    Path notPem = dir.resolve("ca.crt");
    Files.writeString(notPem, "not a certificate\n");
    try (LoopbackKibana kibana = LoopbackKibana.http(200, IMPORTED_ALL)) {
      Run run =
          run(
              new Env(Map.of("KHABAR_KIBANA_CA_CERT", notPem.toString())),
              "--kibana",
              kibana.url());

      assertEquals(1, run.exit());
      assertEquals(
          List.of(
              "kibana-setup: setting KHABAR_KIBANA_CA_CERT='"
                  + notPem
                  + "' is not valid: expected a PEM CA certificate file (holds no PEM"
                  + " certificate)"),
          run.err());
      assertEquals(Map.of(), kibana.request);
    }
  }
}
