package dev.khabar.enrich.entities.tagger;

import dev.khabar.enrich.entities.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trigger words: the curated cue lists of rule-based and hybrid Arabic NER (the person indicators,
 * reporting verbs and organisation and location keywords of Shaalan & Raza's NERA, 2009, and the
 * trigger words of Benajiba, Rosso & Benedí's ANERsys, 2007) and their English counterparts. A name
 * list cannot tell «عارف» the name from «عارف» "knowing"; «النائب الأول عارف» or «وتابع عارف» can.
 * Categories, not words, are features, so a cue rare in the training corpus still counts. Forms are
 * normalised ({@link Normalizer}); Arabic ones match with or without a leading «و»/«ف» and
 * article-bearing forms are listed as such. Thread-safe (immutable).
 */
final class Triggers {

  static final int NONE = 0;

  /** Titles and roles that precede a person's name: «الرئيس», «السفير», "Secretary". */
  static final int TITLE = 1;

  /**
   * Verbs of saying and meeting whose subject or object is often a person: «قال», «أشار», "said".
   */
  static final int SPEECH = 2;

  /** Head nouns of organisation names: «منظمة», «وزارة», "University". */
  static final int ORG_HEAD = 3;

  /** Head nouns of place names: «مدينة», «نهر», "Province". */
  static final int LOC_HEAD = 4;

  private static final List<String> TITLES =
      List.of(
          "الرئيس",
          "رئيس",
          "النائب",
          "نائب",
          "الوزير",
          "وزير",
          "الوزيره",
          "وزيره",
          "الامين",
          "امين",
          "السفير",
          "سفير",
          "الملك",
          "ملك",
          "الملكه",
          "الامير",
          "امير",
          "الاميره",
          "الشيخ",
          "السيد",
          "السيده",
          "الدكتور",
          "الدكتوره",
          "المهندس",
          "الاستاذ",
          "اللواء",
          "العميد",
          "العقيد",
          "الفريق",
          "المشير",
          "الجنرال",
          "القاضي",
          "المستشار",
          "المتحدث",
          "الناطق",
          "المدير",
          "مدير",
          "المحافظ",
          "محافظ",
          "الحاكم",
          "السلطان",
          "الامام",
          "البابا",
          "الزعيم",
          "القائد",
          "المبعوث",
          "المندوب",
          "الممثل",
          "المفوض",
          "المرشح",
          "اللاعب",
          "المدرب",
          "الفنان",
          "الفنانه",
          "الكاتب",
          "الشاعر",
          "الصحفي",
          "المراسل",
          "الرئيسه",
          "النائبه",
          "الاعلامي",
          "المطرب",
          "المخرج",
          "president",
          "vice",
          "minister",
          "secretary",
          "general",
          "ambassador",
          "king",
          "queen",
          "prince",
          "princess",
          "sheikh",
          "mr",
          "mrs",
          "ms",
          "dr",
          "prof",
          "professor",
          "sir",
          "lord",
          "senator",
          "sen",
          "rep",
          "governor",
          "mayor",
          "chairman",
          "chairwoman",
          "ceo",
          "director",
          "chief",
          "spokesman",
          "spokeswoman",
          "spokesperson",
          "envoy",
          "leader",
          "judge",
          "pope",
          "coach",
          "captain",
          "gen",
          "col",
          "lt",
          "sgt",
          "commissioner",
          "premier",
          "chancellor",
          "deputy",
          "emir",
          "sultan",
          "ayatollah",
          "imam",
          "rev",
          "president-elect");

  private static final List<String> SPEECH_VERBS =
      List.of(
          "قال",
          "قالت",
          "يقول",
          "تقول",
          "اضاف",
          "اضافت",
          "يضيف",
          "اكد",
          "اكدت",
          "يؤكد",
          "تؤكد",
          "اشار",
          "اشارت",
          "يشير",
          "راي",
          "رات",
          "يري",
          "تابع",
          "تابعت",
          "اوضح",
          "اوضحت",
          "يوضح",
          "صرح",
          "صرحت",
          "ذكر",
          "ذكرت",
          "اعلن",
          "اعلنت",
          "يعلن",
          "تعلن",
          "اعتبر",
          "اعتبرت",
          "لفت",
          "لفتت",
          "شدد",
          "شددت",
          "دعا",
          "دعت",
          "يدعو",
          "اعرب",
          "اعربت",
          "افاد",
          "افادت",
          "كشف",
          "كشفت",
          "نفي",
          "نفت",
          "طالب",
          "طالبت",
          "حذر",
          "حذرت",
          "التقي",
          "يلتقي",
          "استقبل",
          "استقبلت",
          "زار",
          "زارت",
          "ابلغ",
          "اجاب",
          "علق",
          "اعترف",
          "اكتفي",
          "قائلا",
          "مضيفا",
          "مؤكدا",
          "موضحا",
          "مشيرا",
          "معلنا",
          "لافتا",
          "said",
          "says",
          "say",
          "told",
          "tells",
          "added",
          "stated",
          "announced",
          "noted",
          "explained",
          "declared",
          "stressed",
          "urged",
          "warned",
          "met",
          "meets",
          "asked",
          "wrote",
          "tweeted",
          "according",
          "insisted",
          "denied",
          "claimed");

  private static final List<String> ORG_HEADS =
      List.of(
          "منظمه",
          "المنظمه",
          "شركه",
          "الشركه",
          "وزاره",
          "جامعه",
          "مجلس",
          "هيئه",
          "مؤسسه",
          "بنك",
          "حزب",
          "جمعيه",
          "اتحاد",
          "نادي",
          "مركز",
          "صندوق",
          "وكاله",
          "لجنه",
          "جبهه",
          "حركه",
          "مجموعه",
          "منتخب",
          "محكمه",
          "مصرف",
          "معهد",
          "اكاديميه",
          "جيش",
          "قوات",
          "organization",
          "organisation",
          "company",
          "corp",
          "corporation",
          "inc",
          "ltd",
          "university",
          "council",
          "ministry",
          "bank",
          "party",
          "association",
          "union",
          "club",
          "agency",
          "committee",
          "fund",
          "institute",
          "group",
          "department",
          "foundation",
          "commission",
          "court",
          "army",
          "academy",
          "college");

  private static final List<String> LOC_HEADS =
      List.of(
          "مدينه",
          "محافظه",
          "ولايه",
          "منطقه",
          "جزيره",
          "جزر",
          "نهر",
          "بحر",
          "جبل",
          "جبال",
          "عاصمه",
          "العاصمه",
          "بلده",
          "قريه",
          "اقليم",
          "مقاطعه",
          "شمال",
          "جنوب",
          "شرق",
          "غرب",
          "وسط",
          "خليج",
          "ميناء",
          "بحيره",
          "صحراء",
          "city",
          "province",
          "state",
          "region",
          "island",
          "river",
          "sea",
          "mountain",
          "capital",
          "town",
          "village",
          "county",
          "north",
          "south",
          "east",
          "west",
          "lake",
          "gulf",
          "port",
          "district",
          "desert");

  /**
   * Sorted hashes ({@link Features#hash} of the normalised form) and their categories: a binary
   * search on ints, so that looking up every token allocates nothing.
   */
  private static final int[] HASHES;

  private static final int[] CATEGORIES;

  static {
    Map<Integer, Integer> byHash = new TreeMap<>();
    add(byHash, TITLES, TITLE);
    add(byHash, SPEECH_VERBS, SPEECH);
    add(byHash, ORG_HEADS, ORG_HEAD);
    add(byHash, LOC_HEADS, LOC_HEAD);
    HASHES = byHash.keySet().stream().mapToInt(Integer::intValue).toArray();
    CATEGORIES = byHash.values().stream().mapToInt(Integer::intValue).toArray();
  }

  private static void add(Map<Integer, Integer> byHash, List<String> words, int category) {
    for (String word : words) {
      // Listed as written; looked up as the tagger normalises tokens.
      String w = Normalizer.normalize(word);
      Integer old = byHash.putIfAbsent(Features.hash(w, 0, w.length()), category);
      if (old != null && old != category) {
        throw new IllegalStateException("trigger in two lists: " + w);
      }
    }
  }

  private Triggers() {}

  /**
   * The category of a token, given hashes of its normalised form and of that form without a leading
   * conjunction ({@code 0} when there is none).
   */
  static int category(int normHash, int withoutConjunctionHash) {
    int i = Arrays.binarySearch(HASHES, normHash);
    if (i < 0 && withoutConjunctionHash != 0) {
      i = Arrays.binarySearch(HASHES, withoutConjunctionHash);
    }
    return i < 0 ? NONE : CATEGORIES[i];
  }
}
