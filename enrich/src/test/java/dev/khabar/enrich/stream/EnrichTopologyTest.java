package dev.khabar.enrich.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.ArticleId;
import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.RawPage;
import dev.khabar.common.contract.ReadmeContract;
import dev.khabar.enrich.clean.ArticleExtractor;
import dev.khabar.enrich.entities.EntityRecognizer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {
  private static final ArticleAssembler ASSEMBLER =
      new ArticleAssembler(ArticleExtractor.withDefaults(), EntityRecognizer.load());
  private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
  private static final String SEED_URL = "https://www.alkawthartv.ir/news/eco-cybersecurity";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TopologyTestDriver driver;
  private final TestInputTopic<byte[], byte[]> raw;
  private final TestOutputTopic<String, byte[]> articles;
  private final TestOutputTopic<byte[], byte[]> deadLetters;

  EnrichTopologyTest() throws IOException {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
    // A state directory of this test's own: the default one in /tmp is shared by every run here.
    config.put(
        StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("khabar-enrich-test").toString());
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "khabar.enrich.dlq");
    config.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    config.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class);
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(
                new StreamsBuilder(),
                new EnrichTopology.Topics("khabar.pages.raw", "khabar.articles"),
                new EnrichTopology.Learning(3, 0.5),
                ASSEMBLER,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new EnrichMetrics(registry)),
            config);
    raw =
        driver.createInputTopic(
            "khabar.pages.raw", new ByteArraySerializer(), new ByteArraySerializer());
    articles =
        driver.createOutputTopic(
            "khabar.articles", new StringDeserializer(), new ByteArrayDeserializer());
    deadLetters =
        driver.createOutputTopic(
            "khabar.enrich.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void seedPageBecomesOneCleanArabicArticleKeyedByItsId() throws IOException {
    pipe(page(SEED_URL, sampleSite("ar/alkawthar-eco-cybersecurity.html")));

    TestRecord<String, byte[]> record = articles.readRecord();
    Article article = Json.fromBytes(record.value(), Article.class);

    assertEquals(ArticleId.of(SEED_URL), record.key());
    assertEquals("alkawthartv.ir", article.site());
    assertEquals("ar", article.language());
    assertEquals(
        "عارف يعلن عن استعداد إيران لنقل خبراتها في مجال أمن الفضاء الإلكتروني إلى منظمة ايكو",
        article.title());
    assertTrue(article.text().startsWith("قال النائب الأول للرئيس الإيراني"), article.text());
    assertFalse(article.text().contains("شاركوا هذا الخبر"));
    assertFalse(article.text().contains("الأكثر مشاهدة"));
    assertTrue(article.entities().stream().anyMatch(e -> e.id().equals("iso3166:IR")));
    assertEquals(NOW, article.processedAt());
    assertNull(article.duplicateOf());
    assertTrue(articles.isEmpty());
  }

  @Test
  void timeFromTheRawRecordToTheArticleIsRecordedAsTheEnrichStage() throws IOException {
    RawPage page = page(SEED_URL, sampleSite("ar/alkawthar-eco-cybersecurity.html"));
    raw.pipeInput(
        page.url().getBytes(StandardCharsets.UTF_8), Json.toBytes(page), NOW.minusMillis(1500));

    Timer stage = registry.get("khabar_stage").tag("stage", "published_to_enriched").timer();

    assertEquals(1, stage.count());
    assertEquals(1.5, stage.max(TimeUnit.SECONDS), 1e-9);
  }

  @Test
  void sameTextAtASecondUrlIsMarkedAsADuplicateOfTheFirst() throws IOException {
    String html = sampleSite("ar/alkawthar-eco-cybersecurity.html");
    pipe(page(SEED_URL, html));
    pipe(page("https://mirror.example.org/eco", html));

    List<Article> out =
        articles.readValuesToList().stream().map(v -> Json.fromBytes(v, Article.class)).toList();

    assertEquals(2, out.size());
    assertNull(out.get(0).duplicateOf());
    assertEquals(ArticleId.of(SEED_URL), out.get(1).duplicateOf());
  }

  @Test
  void aRefetchOfTheSameUrlIsNotADuplicate() throws IOException {
    String html = sampleSite("ar/alkawthar-eco-cybersecurity.html");
    pipe(page(SEED_URL, html));
    pipe(page(SEED_URL, html));

    assertTrue(
        articles.readValuesToList().stream()
            .map(v -> Json.fromBytes(v, Article.class))
            .allMatch(a -> a.duplicateOf() == null));
  }

  @Test
  void unreadableRecordGoesToTheDeadLetterTopicAndTheNextIsProcessed() throws IOException {
    raw.pipeInput(
        "bad".getBytes(StandardCharsets.UTF_8), "{\"url\": 42".getBytes(StandardCharsets.UTF_8));
    pipe(page(SEED_URL, sampleSite("ar/alkawthar-eco-cybersecurity.html")));

    TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
    assertEquals("{\"url\": 42", new String(dead.value(), StandardCharsets.UTF_8));
    assertTrue(
        new String(
                dead.headers().lastHeader("__streams.errors.message").value(),
                StandardCharsets.UTF_8)
            .contains("not a valid RawPage"));
    assertEquals(1, articles.readValuesToList().size());
  }

  @Test
  void pageWithoutArticleTextIsDeadLetteredWithTheReason() {
    pipe(
        page(
            "https://example.org/empty",
            "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>"));

    TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
    assertEquals(
        "no article text found in https://example.org/empty",
        new String(
            dead.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8));
    assertTrue(articles.isEmpty());
  }

  @Test
  void articleFieldsAreThoseTheReadmeWritesDown() {
    String example = ReadmeContract.example("raw-page");
    RawPage readmePage = Json.fromBytes(example.getBytes(StandardCharsets.UTF_8), RawPage.class);
    pipe(
        new RawPage(
            readmePage.url(),
            readmePage.finalUrl(),
            readmePage.fetchedAt(),
            200,
            "text/html",
            "UTF-8",
            "<html><head><title>Ministers meet</title></head><body><article><h1>Ministers meet</h1>"
                + "<p>Ministers of the Economic Cooperation Organization met in Tehran on Sunday to discuss trade.</p>"
                + "<p>They agreed to meet again next year in Islamabad, officials said.</p></article></body></html>",
            readmePage.sourceId()));

    Set<String> fields =
        ReadmeContract.fieldNames(new String(articles.readValue(), StandardCharsets.UTF_8));

    Set<String> readmeFields =
        new TreeSet<>(ReadmeContract.fieldNames(ReadmeContract.example("article")));
    assertTrue(readmeFields.containsAll(fields), "fields not in README: " + fields);
  }

  @Test
  void aSiteWideTaglineNoRuleKnowsIsDroppedAfterThreePages() {
    String tagline =
        "تصدر صحيفة الواحة عن مؤسسة الجنوب للصحافة والنشر في مدينة البصرة كل صباح منذ عام ١٩٩٩.";
    List<Article> out = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      pipe(
          page(
              "https://oasis.example/news/" + i,
              "<html><body><article><h1>خبر رقم "
                  + i
                  + "</h1>"
                  + "<p>افتتحت البلدية اليوم المرحلة "
                  + i
                  + " من مشروع تأهيل الطرق في وسط المدينة بكلفة كبيرة.</p>"
                  + "<p>وقال رئيس البلدية إن الأعمال ستنتهي خلال "
                  + (i + 2)
                  + " أشهر وفق الجدول المعتمد.</p>"
                  + "<p>"
                  + tagline
                  + "</p></article></body></html>"));
      out.add(Json.fromBytes(articles.readValue(), Article.class));
    }

    assertEquals(
        List.of(true, true, false, false, false),
        out.stream().map(a -> a.text().contains(tagline)).toList());
    assertEquals(
        3.0, registry.counter("khabar_enrich_site_boilerplate_paragraphs_dropped").count());
    assertEquals(5.0, registry.counter("khabar_enrich_articles", "language", "ar").count());
    assertTrue(
        out.get(4).text().contains("المرحلة 5")
            || out.get(4).text().contains("المرحلة ٥")
            || out.get(4).text().contains("المرحلة"));
  }

  @Test
  void aRefetchedArticleDoesNotTeachItsOwnParagraphsAsBoilerplate() throws IOException {
    String html = sampleSite("ar/alkawthar-eco-cybersecurity.html");
    for (int i = 0; i < 5; i++) {
      pipe(page(SEED_URL, html));
    }

    List<Article> out =
        articles.readValuesToList().stream().map(v -> Json.fromBytes(v, Article.class)).toList();
    assertEquals(5, out.size());
    assertEquals(out.get(0).text(), out.get(4).text());
  }

  private void pipe(RawPage page) {
    raw.pipeInput(page.url().getBytes(StandardCharsets.UTF_8), Json.toBytes(page));
  }

  private static RawPage page(String url, String html) {
    return new RawPage(url, url, NOW.minusSeconds(5), 200, "text/html", "UTF-8", html, "test");
  }

  private static String sampleSite(String path) throws IOException {
    return Files.readString(Path.of("..", "sample-site", path));
  }
}
