package dev.khabar.enrich.meta;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import dev.khabar.enrich.language.ArabicScript;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds a date written out in words: «٢١ يوليو ٢٠٢٤», «21 تموز 2024», «الأحد 21 كانون الثاني 2024»,
 * «15 آب/أغسطس 2024», «July 21, 2024», «3 August 2024», and the solar Hijri dates of Persian pages
 * («۱۴ اردیبهشت ۱۴۰۳») and the lunar Hijri dates of Arabic ones («١٥ رمضان ١٤٤٥ هـ»), converted to
 * the Gregorian calendar. Arabic has three series of Gregorian month names (يناير… in Egypt and the
 * Gulf, كانون الثاني… in the Levant and Iraq, جانفي… in the Maghreb), often paired («آب/أغسطس»);
 * all are known, and Urdu's and Persian's, in any alef or hamza spelling and with Arabic-Indic or
 * Persian digits. A Gregorian date is preferred to a Hijri one in the same text. The date is taken
 * as midnight UTC. Stateless and thread-safe.
 */
public final class TextualDates {
  private static final Map<String, Integer> MONTHS = months();

  private static final Map<String, Integer> SOLAR_HIJRI_MONTHS = solarHijriMonths();

  private static final Map<String, Integer> LUNAR_HIJRI_MONTHS = lunarHijriMonths();

  /**
   * Day, month (up to three words: «تشرين الأول/أكتوبر» folds to three), year; or month, day, year
   * as in English. Folding turns punctuation («/», «،», «,») into spaces.
   */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(?<!\\d)(\\d{1,2}) (?:(?:من|of) )?([^\\d ]+(?: [^\\d ]+){0,2}?) (\\d{4})(?!\\d)");

  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("([^\\d ]+) (\\d{1,2})(?:st|nd|rd|th)? (\\d{4})(?!\\d)");

  /** Solar Hijri years of the Gregorian years {@link DateParser} accepts, with a margin. */
  private static final int MIN_SOLAR_HIJRI_YEAR = 1360;

  private static final int MAX_SOLAR_HIJRI_YEAR = 1480;

  /** The same for lunar Hijri years. */
  private static final int MIN_LUNAR_HIJRI_YEAR = 1400;

  private static final int MAX_LUNAR_HIJRI_YEAR = 1530;

  /** ICU's solar Hijri calendar ({@code PersianCalendar}), asked for by locale. */
  private static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");

  /**
   * ICU's lunar Hijri calendar in the Umm al-Qura reckoning, the one Saudi Arabia publishes and
   * most Arabic sites print.
   */
  private static final ULocale UMM_AL_QURA = new ULocale("ar_SA@calendar=islamic-umalqura");

  private TextualDates() {}

  /** The calendars a written-out or numeric date may be in. */
  enum Calendars {
    GREGORIAN,
    SOLAR_HIJRI,
    LUNAR_HIJRI
  }

  /** The first written-out date in the text, or null. */
  public static @Nullable Instant find(String text) {
    String folded = ArabicScript.fold(text);
    if (!hasYear(folded)) {
      return null; // both patterns need four digits in a row: most texts end here, without a regex
    }
    Instant hijri = null;
    Matcher m = DAY_MONTH_YEAR.matcher(folded);
    while (m.find()) {
      String words = m.group(2);
      Integer month = month(MONTHS, words);
      if (month != null) {
        Instant date = date(Calendars.GREGORIAN, m.group(3), month, m.group(1));
        if (date != null) {
          return date;
        }
      }
      if (hijri == null) {
        hijri = hijri(words, m.group(3), m.group(1));
      }
    }
    m = MONTH_DAY_YEAR.matcher(folded);
    while (m.find()) {
      Integer month = MONTHS.get(m.group(1));
      if (month != null) {
        Instant date = date(Calendars.GREGORIAN, m.group(3), month, m.group(2));
        if (date != null) {
          return date;
        }
      }
    }
    return hijri;
  }

  private static @Nullable Instant hijri(String words, String year, String day) {
    Integer solar = month(SOLAR_HIJRI_MONTHS, words);
    if (solar != null) {
      return date(Calendars.SOLAR_HIJRI, year, solar, day);
    }
    Integer lunar = month(LUNAR_HIJRI_MONTHS, words);
    return lunar == null ? null : date(Calendars.LUNAR_HIJRI, year, lunar, day);
  }

  /** Whether four ASCII digits follow each other, as {@code \d{4}} needs. */
  private static boolean hasYear(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      run = c >= '0' && c <= '9' ? run + 1 : 0;
      if (run == 4) {
        return true;
      }
    }
    return false;
  }

  /**
   * The month one to three words name: one name of one or two words («كانون الثاني»), a name and
   * any word after it («تموز الماضي»), or three words that pair two names of one month («تشرين
   * الأول أكتوبر», the folded «تشرين الأول/أكتوبر»).
   */
  private static @Nullable Integer month(Map<String, Integer> names, String words) {
    Integer month = names.get(words);
    int first = words.indexOf(' ');
    if (month != null || first < 0) {
      return month;
    }
    int second = words.indexOf(' ', first + 1);
    if (second < 0) {
      return names.get(words.substring(0, first));
    }
    Integer head = names.get(words.substring(0, second));
    Integer tail = names.get(words.substring(second + 1));
    if (head == null || !head.equals(tail)) {
      head = names.get(words.substring(0, first));
      tail = names.get(words.substring(first + 1));
    }
    return head != null && head.equals(tail) ? head : null;
  }

  /** Midnight UTC of the Gregorian day a date in the calendar denotes, or null when it is none. */
  static @Nullable Instant date(Calendars calendar, String year, int month, String day) {
    try {
      int y = Integer.parseInt(year);
      int d = Integer.parseInt(day);
      LocalDate date =
          switch (calendar) {
            case GREGORIAN -> LocalDate.of(y, month, d);
            case SOLAR_HIJRI ->
                y < MIN_SOLAR_HIJRI_YEAR || y > MAX_SOLAR_HIJRI_YEAR
                    ? null
                    : gregorian(Calendar.getInstance(TimeZone.GMT_ZONE, PERSIAN), y, month, d);
            case LUNAR_HIJRI ->
                y < MIN_LUNAR_HIJRI_YEAR || y > MAX_LUNAR_HIJRI_YEAR
                    ? null
                    : gregorian(Calendar.getInstance(TimeZone.GMT_ZONE, UMM_AL_QURA), y, month, d);
          };
      return date == null
          ? null
          : DateParser.plausible(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** The Gregorian day of a day in another calendar, or null when that day does not exist. */
  private static @Nullable LocalDate gregorian(Calendar calendar, int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) {
      return null;
    }
    calendar.clear();
    calendar.set(Calendar.EXTENDED_YEAR, year);
    calendar.set(Calendar.MONTH, month - 1);
    calendar.set(Calendar.DAY_OF_MONTH, 1);
    if (day > calendar.getActualMaximum(Calendar.DAY_OF_MONTH)) {
      return null;
    }
    calendar.set(Calendar.DAY_OF_MONTH, day);
    return Instant.ofEpochMilli(calendar.getTimeInMillis()).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static Map<String, Integer> months() {
    // Egyptian and Gulf, Maghrebi, Levantine and Iraqi Arabic; Urdu; Persian; English.
    String[][] names = {
      {"يناير", "جانفي", "كانون الثاني", "جنوری", "ژانویه", "january", "jan"},
      {"فبراير", "فيفري", "شباط", "فروری", "فوریه", "february", "feb"},
      {"مارس", "آذار", "مارچ", "march", "mar"},
      {"أبريل", "إبريل", "أفريل", "نيسان", "اپریل", "آوریل", "april", "apr"},
      {"مايو", "ماي", "أيار", "مئی", "مه", "may"},
      {"يونيو", "يونيه", "جوان", "حزيران", "جون", "ژوئن", "june", "jun"},
      {"يوليو", "يوليه", "جويلية", "تموز", "جولائی", "ژوئیه", "july", "jul"},
      {"أغسطس", "أوت", "آب", "اگست", "اوت", "august", "aug"},
      {"سبتمبر", "أيلول", "ستمبر", "سپتامبر", "september", "sep", "sept"},
      {"أكتوبر", "تشرين الأول", "اکتوبر", "اکتبر", "october", "oct"},
      {"نوفمبر", "تشرين الثاني", "نومبر", "نوامبر", "november", "nov"},
      {"ديسمبر", "كانون الأول", "دسمبر", "دسامبر", "december", "dec"}
    };
    return folded(names);
  }

  /** The months of the solar Hijri calendar, as Iran names them. */
  private static Map<String, Integer> solarHijriMonths() {
    String[][] names = {
      {"فروردین"},
      {"اردیبهشت"},
      {"خرداد"},
      {"تیر"},
      {"مرداد", "امرداد"},
      {"شهریور"},
      {"مهر"},
      {"آبان"},
      {"آذر"},
      {"دی"},
      {"بهمن"},
      {"اسفند"}
    };
    return folded(names);
  }

  private static Map<String, Integer> lunarHijriMonths() {
    String[][] names = {
      {"محرم"},
      {"صفر"},
      {"ربيع الأول"},
      {"ربيع الآخر", "ربيع الثاني"},
      {"جمادى الأولى", "جمادى الأول"},
      {"جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"},
      {"رجب"},
      {"شعبان"},
      {"رمضان"},
      {"شوال"},
      {"ذو القعدة", "ذي القعدة"},
      {"ذو الحجة", "ذي الحجة"}
    };
    return folded(names);
  }

  private static Map<String, Integer> folded(String[][] names) {
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      for (String name : names[i]) {
        map.put(ArabicScript.fold(name), i + 1);
      }
    }
    return Map.copyOf(map);
  }
}
