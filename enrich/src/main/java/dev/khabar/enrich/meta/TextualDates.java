package dev.khabar.enrich.meta;

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
 * «July 21, 2024», «3 August 2024». Arabic has two series of month names (يناير… in Egypt and the
 * Gulf, كانون الثاني… in the Levant and Iraq); both are known, in any alef or hamza spelling and
 * with Arabic-Indic or Persian digits. The date is taken as midnight UTC. Stateless and
 * thread-safe.
 */
public final class TextualDates {
  private static final Map<String, Integer> MONTHS = months();

  /** Day, month (one or two words), year; or month, day, year as in English. */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?<!\\d)(\\d{1,2}) (?:(?:من|of) )?([^\\d ]+(?: [^\\d ]+)?) (\\d{4})(?!\\d)");

  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("([^\\d ]+) (\\d{1,2})(?:st|nd|rd|th)? (\\d{4})(?!\\d)");

  private TextualDates() {}

  /** The first written-out date in the text, or null. */
  public static @Nullable Instant find(String text) {
    String folded = ArabicScript.fold(text);
    if (!hasYear(folded)) {
      return null; // both patterns need four digits in a row: most texts end here, without a regex
    }
    Matcher m = DAY_MONTH_YEAR.matcher(folded);
    while (m.find()) {
      Integer month = month(m.group(2));
      if (month != null) {
        Instant date = date(m.group(3), month, m.group(1));
        if (date != null) {
          return date;
        }
      }
    }
    m = MONTH_DAY_YEAR.matcher(folded);
    while (m.find()) {
      Integer month = MONTHS.get(m.group(1));
      if (month != null) {
        Instant date = date(m.group(3), month, m.group(2));
        if (date != null) {
          return date;
        }
      }
    }
    return null;
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

  /** The month a one- or two-word name denotes; «كانون الثاني» before «كانون». */
  private static @Nullable Integer month(String words) {
    Integer month = MONTHS.get(words);
    if (month == null && words.indexOf(' ') > 0) {
      month = MONTHS.get(words.substring(0, words.indexOf(' ')));
    }
    return month;
  }

  private static @Nullable Instant date(String year, int month, String day) {
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
      return DateParser.plausible(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static Map<String, Integer> months() {
    String[][] names = {
      {"يناير", "جانفي", "كانون الثاني", "january", "jan"},
      {"فبراير", "فيفري", "شباط", "february", "feb"},
      {"مارس", "اذار", "march", "mar"},
      {"ابريل", "افريل", "نيسان", "april", "apr"},
      {"مايو", "ماي", "ايار", "may"},
      {"يونيو", "يونيه", "جوان", "حزيران", "june", "jun"},
      {"يوليو", "يوليه", "جويليه", "تموز", "july", "jul"},
      {"اغسطس", "اوت", "اب", "august", "aug"},
      {"سبتمبر", "ايلول", "september", "sep", "sept"},
      {"اكتوبر", "تشرين الاول", "october", "oct"},
      {"نوفمبر", "تشرين الثاني", "november", "nov"},
      {"ديسمبر", "كانون الاول", "december", "dec"}
    };
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      for (String name : names[i]) {
        map.put(ArabicScript.fold(name), i + 1);
      }
    }
    return Map.copyOf(map);
  }
}
