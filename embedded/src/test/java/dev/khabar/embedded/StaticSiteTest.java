package dev.khabar.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticSiteTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private Path root;
  private StaticSite site;

  @BeforeEach
  void startSite() throws IOException {
    root = Files.createDirectory(dir.resolve("site"));
    Files.writeString(root.resolve("feed.xml"), "<link>{{base}}/news/1.html</link>");
    Files.createDirectories(root.resolve("news"));
    Files.writeString(root.resolve("news/index.html"), "<h1>الأخبار</h1>");
    Files.writeString(root.resolve("robots.txt"), "Sitemap: {{base}}/sitemap.xml\n");
    Files.write(root.resolve("logo.png"), new byte[] {'{', '{', 'b', 'a', 's', 'e', '}', '}'});
    site = StaticSite.serve(root);
  }

  @AfterEach
  void closeSite() {
    site.close();
  }

  @Test
  void feedLinksBecomeAbsoluteOnTheSite() throws Exception {
    HttpResponse<String> response = get("/feed.xml");

    assertEquals("<link>" + site.baseUrl() + "/news/1.html</link>", response.body());
  }

  @Test
  void feedIsServedAsXml() throws Exception {
    assertEquals(
        "application/xml; charset=utf-8",
        get("/feed.xml").headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void robotsTxtIsPlainTextWithBaseReplaced() throws Exception {
    HttpResponse<String> response = get("/robots.txt");

    assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").get());
    assertEquals("Sitemap: " + site.baseUrl() + "/sitemap.xml\n", response.body());
  }

  @Test
  void directoryServesItsIndexAsUtf8Html() throws Exception {
    HttpResponse<String> response = get("/news/");

    assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").get());
    assertEquals("<h1>الأخبار</h1>", response.body());
  }

  @Test
  void binaryFilesAreServedUntouched() throws Exception {
    assertEquals("{{base}}", get("/logo.png").body());
  }

  @Test
  void missingFileIs404() throws Exception {
    assertEquals(404, get("/news/2.html").statusCode());
  }

  @Test
  void pathsOutsideTheRootAreNotServed() throws Exception {
    Files.writeString(dir.resolve("secret.txt"), "secret");

    assertEquals(404, get("/../secret.txt").statusCode());
  }

  @Test
  void unchangedFileIs304ForIfModifiedSince() throws Exception {
    String lastModified = get("/feed.xml").headers().firstValue("Last-Modified").orElseThrow();

    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(site.url("/feed.xml")))
                .header("If-Modified-Since", lastModified)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(304, response.statusCode());
  }

  @Test
  void headAnswersWithTheLengthAndNoBody() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(site.url("/news/")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("", response.body());
    assertEquals(
        Integer.toString("<h1>الأخبار</h1>".getBytes(StandardCharsets.UTF_8).length),
        response.headers().firstValue("Content-Length").orElseThrow());
  }

  @Test
  void postIsNotAllowed() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(site.url("/feed.xml")))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(405, response.statusCode());
  }

  @Test
  void extraHandlerAnswersUnderItsPath() throws Exception {
    site.handle(
        "/broken",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });

    assertEquals(503, get("/broken/page.html").statusCode());
  }

  @Test
  void handlerForTheRootIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> site.handle("/", exchange -> {}));
  }

  @Test
  void rootMustBeADirectory() {
    assertThrows(
        IllegalArgumentException.class, () -> StaticSite.builder().root(root.resolve("feed.xml")));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(site.url(path))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
