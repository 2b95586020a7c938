package dev.khabar.common.charset;

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
    byte[] body =
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">" + ARABIC)
            .getBytes(Charset.forName("windows-1256"));
    CharsetSniffer.Detected detected = sniffer.detect(null, body);
    assertEquals(Charset.forName("windows-1256"), detected.charset());
    assertEquals(CharsetSniffer.Source.META, detected.source());
  }

  @Test
  void validUtf8BeatsAWrongDeclaration() {
    byte[] body = ("<meta charset=\"iso-8859-1\">" + ARABIC).getBytes(StandardCharsets.UTF_8);
    CharsetSniffer.Detected detected = sniffer.detect(null, body);
    assertEquals(StandardCharsets.UTF_8, detected.charset());
    assertEquals(CharsetSniffer.Source.SNIFFED, detected.source());
  }

  @Test
  void aDeclaredLatinPageThatIsNotValidUtf8KeepsItsDeclaration() {
    String page = "<meta charset=\"iso-8859-1\"><p>Die Straße führt zum Café.</p>";
    byte[] body = page.getBytes(StandardCharsets.ISO_8859_1);
    CharsetSniffer.Detected detected = sniffer.detect(null, body);
    assertEquals(CharsetSniffer.Source.META, detected.source());
    assertEquals(page, new String(body, detected.charset()));
  }

  @Test
  void anAsciiPageKeepsItsDeclaration() {
    byte[] body = "<meta charset=\"windows-1252\"><p>plain</p>".getBytes(StandardCharsets.US_ASCII);
    assertEquals(Charset.forName("windows-1252"), sniffer.detect(null, body).charset());
  }

  @Test
  void tellsAsciiValidMultiByteAndBrokenUtf8Apart() {
    assertEquals(
        CharsetSniffer.Utf8.ASCII,
        CharsetSniffer.utf8("<p>plain</p>".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        CharsetSniffer.Utf8.MULTIBYTE,
        CharsetSniffer.utf8("طهران 😀".getBytes(StandardCharsets.UTF_8)));
    byte[][] broken = {
      {'<', 'p', '>', (byte) 0xc0, (byte) 0xaf}, // overlong «/»
      {'a', (byte) 0xd8}, // cut short
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // a surrogate
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
      {'x', (byte) 0xe9, 'y'}, // Latin-1 «é»
    };
    for (byte[] body : broken) {
      assertEquals(CharsetSniffer.Utf8.INVALID, CharsetSniffer.utf8(body));
    }
  }

  @Test
  void windows1256WithoutAnyDeclarationDecodesToTheSameArabicText() {
    byte[] body = ARABIC.getBytes(Charset.forName("windows-1256"));
    CharsetSniffer.Detected detected = sniffer.detect(null, body);
    assertEquals(ARABIC, new String(body, detected.charset()));
  }

  @Test
  void iso88596WithoutAnyDeclarationDecodesToTheSameArabicText() {
    String text =
        ARABIC.replace(
            "،", ","); // ISO-8859-6 has the Arabic comma at another code point; keep it simple
    byte[] body = text.getBytes(Charset.forName("ISO-8859-6"));
    CharsetSniffer.Detected detected = sniffer.detect(null, body);
    assertEquals(text, new String(body, detected.charset()));
  }

  @Test
  void validUtf8IsRecognisedWithoutDeclaration() {
    assertEquals(
        StandardCharsets.UTF_8,
        sniffer.detect(null, ARABIC.getBytes(StandardCharsets.UTF_8)).charset());
  }

  @Test
  void byteOrderMarkIsHonoured() {
    byte[] body = "\uFEFFhello".getBytes(StandardCharsets.UTF_16BE);
    assertEquals(StandardCharsets.UTF_16BE, sniffer.detect(null, body).charset());
  }

  @Test
  void readsTheCharsetParameterOfAContentType() {
    assertEquals(
        "windows-1256", CharsetSniffer.charsetParameter("text/html; charset=\"windows-1256\""));
  }
}
