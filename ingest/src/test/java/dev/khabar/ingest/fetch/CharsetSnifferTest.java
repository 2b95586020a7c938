package dev.khabar.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {
  private static final String ARABIC =
      "<html><body><p>قال النائب الأول للرئيس الإيراني إن الدول الأعضاء في منظمة التعاون الاقتصادي"
          + " معرضة لخطر الأمن السيبراني، وإن الجمهورية الإسلامية قادرة على نقل تجاربها.</p></body></html>";
  private final CharsetSniffer sniffer = new CharsetSniffer();

  @Test
  void headerWins() {
    byte[] body = "<meta charset=\"iso-8859-1\">".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        new CharsetSniffer.Detected(StandardCharsets.UTF_8, CharsetSniffer.Source.HEADER),
        sniffer.detect("utf-8", body));
  }

  @Test
  void metaDeclarationBeatsSniffing() {
    byte[] body = ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">" + ARABIC)
        .getBytes(Charset.forName("windows-1256"));
    CharsetSniffer.Detected detected = sniffer.detect(null, body);
    assertEquals(Charset.forName("windows-1256"), detected.charset());
    assertEquals(CharsetSniffer.Source.META, detected.source());
  }

  @Test
  void windows1256WithoutAnyDeclarationDecodesToTheSameArabicText() {
    byte[] body = ARABIC.getBytes(Charset.forName("windows-1256"));
    CharsetSniffer.Detected detected = sniffer.detect(null, body);
    assertEquals(ARABIC, new String(body, detected.charset()));
  }

  @Test
  void iso88596WithoutAnyDeclarationDecodesToTheSameArabicText() {
    String text = ARABIC.replace("،", ","); // ISO-8859-6 has the Arabic comma at another code point; keep it simple
    byte[] body = text.getBytes(Charset.forName("ISO-8859-6"));
    CharsetSniffer.Detected detected = sniffer.detect(null, body);
    assertEquals(text, new String(body, detected.charset()));
  }

  @Test
  void validUtf8IsRecognisedWithoutDeclaration() {
    assertEquals(StandardCharsets.UTF_8, sniffer.detect(null, ARABIC.getBytes(StandardCharsets.UTF_8)).charset());
  }

  @Test
  void byteOrderMarkIsHonoured() {
    byte[] body = "\uFEFFhello".getBytes(StandardCharsets.UTF_16BE);
    assertEquals(StandardCharsets.UTF_16BE, sniffer.detect(null, body).charset());
  }

  @Test
  void readsTheCharsetParameterOfAContentType() {
    assertEquals("windows-1256", CharsetSniffer.charsetParameter("text/html; charset=\"windows-1256\""));
  }
}
