package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One rule of the extractor each, on small literal pages. */
class ArticleExtractorTest {
  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();

  private static final String P1 =
      "<p>قال وزير الخارجية إن المحادثات مع الجانب العماني كانت بناءة، وإن الجولة المقبلة ستعقد في مسقط.</p>";
  private static final String P2 =
      "<p>وأضاف أن الطرفين اتفقا على تشكيل لجان فنية لمتابعة الملفات العالقة، ومنها ملف التجارة الحدودية.</p>";

  @BeforeAll
  static void loadLanguageModel() {
    // The timing tests measure the page, not the one-off load of the 10 MB language model.
    EXTRACTOR.extract("<p>" + P1 + "</p>", "https://example.com/warm-up");
  }

  private static List<String> paragraphs(String bodyHtml) {
    return EXTRACTOR
        .extract("<html><body>" + bodyHtml + "</body></html>", "https://example.com/a")
        .paragraphs();
  }

  private static String strip(String s) {
    return s.replaceAll("</?p>", "");
  }

  @Test
  void keepsInBodyList() {
    assertEquals(
        List.of(strip(P1), "الملف الأول", "الملف الثاني", strip(P2)),
        paragraphs(
            "<div class=content>"
                + P1
                + "<ul><li>الملف الأول</li><li>الملف الثاني</li></ul>"
                + P2
                + "</div>"));
  }

  @Test
  void dropsCommentSection() {
    assertEquals(
        List.of(strip(P1), strip(P2)),
        paragraphs(
            "<div>"
                + P1
                + P2
                + "<div id=comments><p>تعليق طويل من قارئ يقول إن الخبر مهم جدا، ويشكر الموقع.</p></div></div>"));
  }

  @Test
  void dropsReadAlsoBlockInsideBodyInAnySpelling() {
    assertEquals(
        List.of(strip(P1), strip(P2)),
        paragraphs(
            "<div>"
                + P1
                + "<p><strong>إقرأ أيضاً:</strong></p><p><a href=/x>عنوان خبر آخر في الموقع</a></p>"
                + P2
                + "</div>"));
  }

  @Test
  void dropsBlockHeadedByPersianPhrase() {
    assertEquals(
        List.of(strip(P1), strip(P2)),
        paragraphs(
            "<div>"
                + P1
                + P2
                + "</div><div><h3>پربازدیدترین</h3><ul><li><a href=/1>خبر یک</a></li></ul></div>"));
  }

  @Test
  void dropsCaptionRepeatingHeadline() {
    String html =
        "<html><head><title>اتفاق في مسقط - صحيفة الخليج</title></head><body><h1>اتفاق في مسقط</h1>"
            + "<div><p>اتفاق في مسقط</p>"
            + P1
            + P2
            + "</div></body></html>";
    Extraction e = EXTRACTOR.extract(html, "https://example.com/a");
    assertEquals("اتفاق في مسقط", e.title());
    assertEquals(List.of(strip(P1), strip(P2)), e.paragraphs());
  }

  @Test
  void dropsSourceTagAndByline() {
    assertEquals(
        List.of(strip(P1), strip(P2)),
        paragraphs(
            "<div><p>بقلم: سارة الكعبي</p><p><a href=/tag>الخليج_اليوم</a></p>"
                + P1
                + P2
                + "</div>"));
  }

  @Test
  void bylineBecomesAuthor() {
    String html = "<html><body><div><p>بقلم: سارة الكعبي</p>" + P1 + P2 + "</div></body></html>";
    assertEquals("سارة الكعبي", EXTRACTOR.extract(html, "https://example.com/a").author());
  }

  @Test
  void usesJsonLdBodyWhenDomHasLittle() {
    String body =
        "الفقرة الأولى من الخبر ".repeat(10) + "\n" + "الفقرة الثانية من الخبر ".repeat(10);
    String html =
        "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"articleBody\":\""
            + body.replace("\n", "\\n")
            + "\"}</script><div id=app>جار التحميل</div>";
    assertEquals(2, EXTRACTOR.extract(html, "https://example.com/a").paragraphs().size());
  }

  @Test
  void jsonLdBodyOfEscapedHtmlIsReadAsParagraphs() {
    String first = "الفقرة الأولى من الخبر ".repeat(10).strip();
    String second = "الفقرة الثانية من الخبر ".repeat(10).strip();
    String html =
        "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"articleBody\":\"&lt;p"
            + " class=&quot;texto&quot;&gt;"
            + first
            + "&lt;/p&gt;&lt;p&gt;"
            + second
            + " &amp;amp; co&lt;/p&gt;\"}</script><div id=app>جار التحميل</div>";
    assertEquals(
        List.of(first, second + " & co"),
        EXTRACTOR.extract(html, "https://example.com/a").paragraphs());
  }

  @Test
  void jsonLdBodyLongOnlyByItsMarkupIsNotPreferred() {
    String html =
        "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"articleBody\":\"&lt;p"
            + " class=&quot;"
            + "paragraph ".repeat(60)
            + "&quot;&gt;"
            + "نص قصير"
            + "&lt;/p&gt;\"}</script><div>"
            + P1
            + P2
            + "</div>";
    assertEquals(
        List.of(strip(P1), strip(P2)),
        EXTRACTOR.extract(html, "https://example.com/a").paragraphs());
  }

  @Test
  void keepsLeadSetApartFromBody() {
    assertEquals(
        List.of("مقدمة الخبر: اتفاق جديد.", strip(P1), strip(P2)),
        paragraphs(
            "<article><div class=intro><p>مقدمة الخبر: اتفاق جديد.</p></div><div class=text>"
                + P1
                + P2
                + "</div>"
                + "</article><div><p><a href=/1>رابط</a></p></div>"));
  }

  @Test
  void keepsLeadInArticleHeader() {
    assertEquals(
        List.of("مقدمة الخبر في الترويسة.", strip(P1), strip(P2)),
        paragraphs(
            "<article><header><h1>العنوان</h1><p>مقدمة الخبر في الترويسة.</p></header><div>"
                + P1
                + P2
                + "</div></article>"));
  }

  @Test
  void keepsLeadPastShareBarUnderHeadline() {
    assertEquals(
        List.of("مقدمة الخبر بعد شريط الروابط.", strip(P1), strip(P2)),
        paragraphs(
            "<article><header><h1>العنوان الرئيسي للخبر</h1></header>"
                + "<div class=tools><a href=/1>فيسبوك</a> <a href=/2>تويتر</a> <a href=/3>واتساب</a></div>"
                + "<div class=dek><p>مقدمة الخبر بعد شريط الروابط.</p></div><div>"
                + P1
                + P2
                + "</div></article>"));
  }

  @Test
  void endsArticleAtTrailingBoilerplateHeader() {
    assertEquals(
        List.of(strip(P1), strip(P2)),
        paragraphs(
            "<div>"
                + P1
                + P2
                + "Related stories<br>A teaser of another story that reads like text.</div>"));
  }

  @Test
  void dropsPictureCreditAndTrailingLabel() {
    assertEquals(
        List.of(strip(P1), strip(P2)),
        paragraphs("<div>" + P1 + "<p>Foto: dpa</p>" + P2 + "<p>سارة الكعبي</p></div>"));
  }

  @Test
  void classModifierDoesNotNameBoilerplate() {
    assertEquals(
        List.of(strip(P1), strip(P2)),
        paragraphs(
            "<section class=\"report__section report__section--ads\">" + P1 + P2 + "</section>"));
  }

  @Test
  void deepNestingFinishesQuickly() {
    String html = "<div>".repeat(100_000) + P1 + "</div>".repeat(100_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> EXTRACTOR.extract(html, "https://example.com/a"));
  }

  @Test
  void hugePageFinishesQuickly() {
    String html = ("<div class=item><a href=/x>رابط</a>" + P1 + "</div>").repeat(25_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(20), () -> EXTRACTOR.extract(html, "https://example.com/a"));
  }

  @Test
  void builderRejectsNonPositiveLimits() {
    assertThrows(IllegalArgumentException.class, () -> ArticleExtractor.builder().maxDepth(0));
  }
}
