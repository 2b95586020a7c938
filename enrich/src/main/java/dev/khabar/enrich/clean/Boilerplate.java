package dev.khabar.enrich.clean;

import dev.khabar.enrich.language.ArabicScript;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The phrases that head a block of boilerplate: «شاركوا هذا الخبر», «اقرأ أيضا», «الأكثر مشاهدة»,
 * «Read more», «Most viewed» …, in Arabic, Persian, Urdu, English and a few European languages.
 * Matching is on {@link ArabicScript#fold folded} text, so «إقرأ أيضاً» matches «اقرأ ايضا».
 */
final class Boilerplate {
  /**
   * Longer than this, a text is a sentence, not a block header. The pruner and the block filter
   * check an element's or block's non-whitespace characters against it before asking {@link
   * #isHeader}.
   */
  static final int MAX_HEADER_CHARS = 60;

  /** Extra words a multi-word header may carry: «Related stories», «اقرأ أيضا في الموقع». */
  private static final int MAX_EXTRA_WORDS = 2;

  private static final List<String> ARABIC =
      List.of(
          "شاركوا هذا الخبر",
          "شارك هذا الخبر",
          "شارك الخبر",
          "شارك المقال",
          "شاركوا",
          "شارك",
          "شارك على",
          "مشاركة",
          "انشر",
          "اقرأ أيضا",
          "اقرأ أيضاً",
          "إقرأ أيضا",
          "اقرأ كذلك",
          "اقرأ المزيد",
          "المزيد",
          "اقرأ ايضا",
          "شاهد أيضا",
          "شاهد المزيد",
          "أخبار ذات صلة",
          "مواضيع ذات صلة",
          "مقالات ذات صلة",
          "موضوعات ذات صلة",
          "ذات صلة",
          "أخبار متعلقة",
          "أهم الأخبار",
          "أبرز الأخبار",
          "آخر الأخبار",
          "أحدث الأخبار",
          "المزيد من الأخبار",
          "الأكثر مشاهدة",
          "الأكثر قراءة",
          "الأكثر تداولا",
          "الأكثر تعليقا",
          "الأكثر شعبية",
          "الأكثر زيارة",
          "الأكثر مشاركة",
          "الأكثر قراءة اليوم",
          "اخترنا لك",
          "قد يهمك",
          "قد يعجبك",
          "قد يعجبك أيضا",
          "ننصحك بقراءة",
          "التعليقات",
          "تعليقات",
          "أضف تعليق",
          "اترك تعليقا",
          "اترك تعليقاً",
          "الكلمات الرئيسية",
          "الكلمات المفتاحية",
          "كلمات مفتاحية",
          "الوسوم",
          "وسوم",
          "كلمات دالة",
          "تابعونا على",
          "تابعنا على",
          "تابعونا",
          "إعلان",
          "مواد إعلانية");

  private static final List<String> PERSIAN_URDU =
      List.of(
          "بیشتر بخوانید",
          "بخوانید",
          "همچنین بخوانید",
          "اخبار مرتبط",
          "مطالب مرتبط",
          "مطالب پیشنهادی",
          "پیشنهاد سردبیر",
          "پربازدیدترین",
          "پربازدیدترین ها",
          "پربیننده‌ترین",
          "پربحث‌ترین",
          "آخرین اخبار",
          "برچسب‌ها",
          "برچسب ها",
          "اشتراک گذاری",
          "نظرات",
          "ارسال نظر",
          "مزید پڑھیں",
          "یہ بھی پڑھیں",
          "متعلقہ خبریں",
          "مقبول خبریں",
          "سب سے زیادہ پڑھی جانے والی",
          "سب سے زیادہ دیکھی جانے والی",
          "شیئر کریں",
          "تبصرے",
          "اپنی رائے دیں");

  private static final List<String> LATIN =
      List.of(
          "share",
          "share this",
          "share this article",
          "share this story",
          "share this page",
          "share article",
          "share on",
          "share via",
          "sharing",
          "read more",
          "read also",
          "also read",
          "read next",
          "more from",
          "related",
          "related stories",
          "related articles",
          "related news",
          "related content",
          "related posts",
          "related topics",
          "related coverage",
          "more stories",
          "more on this story",
          "more news",
          "more like this",
          "see also",
          "most viewed",
          "most read",
          "most popular",
          "most shared",
          "most commented",
          "popular",
          "popular posts",
          "trending",
          "trending now",
          "recommended",
          "recommended for you",
          "you may also like",
          "you might also like",
          "you may be interested in",
          "don t miss",
          "editor s picks",
          "top stories",
          "latest news",
          "latest stories",
          "comments",
          "comment",
          "leave a comment",
          "leave a reply",
          "post a comment",
          "join the discussion",
          "join the conversation",
          "tags",
          "topics",
          "advertisement",
          "sponsored",
          "sponsored content",
          "follow us",
          "sign up for our newsletter",
          "newsletter",
          "subscribe",
          "lesen sie auch",
          "das konnte sie auch interessieren",
          "mehr zum thema",
          "weitere artikel",
          "kommentare",
          "teilen",
          "ahnliche artikel",
          "meistgelesen",
          "auch interessant",
          "lire aussi",
          "a lire aussi",
          "partager",
          "sur le meme sujet",
          "leggi anche",
          "lee tambien",
          "te puede interesar",
          "explore further",
          "further reading",
          "about the author",
          "like this",
          "more from this author",
          "keep reading",
          "what to read next",
          "ahnliche beitrage",
          "verwandte artikel",
          "verwandte themen",
          "empfohlene beitrage",
          "empfehlungen",
          "weiterfuhrende links",
          "weiterfuhrender link",
          "weiterfuhrende artikel",
          "weitere themen",
          "weitere beitrage",
          "weitere nachrichten",
          "das konnte dich auch interessieren",
          "das konnte ihnen auch gefallen",
          "beitrage zum thema",
          "artikel zum thema",
          "schon gelesen",
          "meist gelesen",
          "meistgelesene artikel",
          "fur dich empfohlen",
          "unsere empfehlungen",
          "schlagworte",
          "schlagwort",
          "stichworte",
          "themen",
          "kommentar schreiben",
          "kommentare schreiben",
          "kommentieren",
          "keine kommentare",
          "diese seite teilen",
          "artikel teilen",
          "beitrag teilen",
          "teilen mit",
          "gefallt mir",
          "drucken",
          "anzeige",
          "werbung",
          "zum autor",
          "uber den autor",
          "uber die autorin",
          "bildergalerie",
          "quellenangaben",
          "articles similaires",
          "articles lies",
          "dans la meme rubrique",
          "sur le meme theme",
          "partager cet article",
          "lire la suite",
          "a voir aussi",
          "noticias relacionadas",
          "temas relacionados",
          "lo ultimo",
          "te recomendamos",
          "articoli correlati",
          "potrebbe interessarti",
          "czytaj takze",
          "czytaj rowniez",
          "zobacz takze",
          "zobacz rowniez",
          "polecamy",
          "drukuj",
          "gerelateerde artikelen",
          "lees ook",
          "meer nieuws",
          "weiterlesen",
          "zum weiterlesen",
          "mehr themen",
          "weitere informationen",
          "weitere infos",
          "zusatzinformationen",
          "kontakt",
          "contact",
          "pressekontakt",
          "neueste artikel",
          "neueste beitrage",
          "inhaltsverzeichnis",
          "table of contents",
          "contents",
          "quellen",
          "sources",
          "lesen sie auch die folgenden beitrage",
          "veja tambem",
          "leia tambem",
          "leia mais",
          "zobacz tez",
          "czytaj dalej",
          "czytaj wiecej",
          "read further",
          "continue reading",
          "sign up",
          "stay up to date");

  private static final Set<String> PHRASES =
      Stream.of(ARABIC, PERSIAN_URDU, LATIN)
          .flatMap(List::stream)
          .map(Boilerplate::fold)
          .collect(Collectors.toUnmodifiableSet());

  /** The first word of every phrase: a text starting otherwise heads nothing. */
  private static final Set<String> FIRST_WORDS =
      PHRASES.stream().map(p -> p.split(" ")[0]).collect(Collectors.toUnmodifiableSet());

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Boilerplate() {}

  /**
   * Whether the text is a header of boilerplate: a phrase above, maybe with a count or two words.
   */
  static boolean isHeader(String text) {
    if (text.length() > MAX_HEADER_CHARS) {
      return false;
    }
    String folded = fold(text);
    if (folded.isEmpty()) {
      return false;
    }
    if (PHRASES.contains(folded)) {
      return true;
    }
    int firstSpace = folded.indexOf(' ');
    if (firstSpace < 0 || !FIRST_WORDS.contains(folded.substring(0, firstSpace))) {
      return false;
    }
    String[] words = folded.split(" ");
    // The longest phrase the text starts with: its words, then a space or the end.
    int end = folded.length();
    for (int n = words.length - 1; n >= 1; n--) {
      end = folded.lastIndexOf(' ', end - 1);
      if (PHRASES.contains(folded.substring(0, end))) {
        int extra = words.length - n;
        // One-word headers («Share», «شارك») with words after them are sentences, unless a count.
        boolean countOnly = allDigits(words, n);
        return countOnly || (n >= 2 && extra <= MAX_EXTRA_WORDS);
      }
    }
    return false;
  }

  /** Folds script variants and, for Latin text, accents: «Ähnliche» and «ahnliche» match. */
  static String fold(String text) {
    String folded = ArabicScript.fold(text);
    if (!folded.isEmpty() && folded.charAt(0) < 0x0250 && !isAscii(folded)) {
      String fast = stripAccentsOfLatin(folded);
      folded =
          fast != null
              ? fast
              : MARKS
                  .matcher(java.text.Normalizer.normalize(folded, java.text.Normalizer.Form.NFD))
                  .replaceAll("");
    }
    return folded;
  }

  /** The text without accents, or null when a char lies outside the table. */
  private static @Nullable String stripAccentsOfLatin(String folded) {
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c < 0x80) {
        out.append(c);
      } else if (c < LatinAccents.STRIPPED.length) {
        out.append(LatinAccents.STRIPPED[c]);
      } else {
        return null;
      }
    }
    return out.toString();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean allDigits(String[] words, int from) {
    for (int i = from; i < words.length; i++) {
      if (!words[i].chars().allMatch(Character::isDigit)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Each char below U+0250 without its accents: its NFD decomposition with the marks dropped,
   * worked out once. Decomposition maps each char on its own and only marks are ever reordered, so
   * a text made of these chars strips char by char to what normalising the whole text and dropping
   * its marks gives, without the normaliser and the regex on every paragraph.
   */
  private static final class LatinAccents {
    static final String[] STRIPPED = new String[0x0250];

    static {
      Pattern marks = Pattern.compile("\\p{M}+");
      for (char c = 0; c < STRIPPED.length; c++) {
        String one =
            java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
        STRIPPED[c] = marks.matcher(one).replaceAll("");
      }
    }
  }
}
