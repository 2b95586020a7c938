package dev.khabar.enrich.meta;

import dev.khabar.enrich.language.ArabicScript;
import dev.khabar.enrich.meta.TextualDates.Calendars;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds a date written in figures in a page's text: «24-04-2020», «24/04/2020», «24.04.2020»,
 * «2020/04/24», and the solar Hijri «۱۴۰۳/۰۲/۱۴» of Persian pages, in any digits. Which of day and
 * month comes first is read from the date itself when one of them is over 12, else from the {@link
 * Order} the page's other dates or its language give; a date no evidence decides is no date. The
 * date is taken as midnight UTC. Stateless and thread-safe.
 */
final class NumericDates {
  /** Year first: «2020-04-24», «2020/04/24», «۱۴۰۳/۰۲/۱۴». */
  private static final Pattern YEAR_FIRST =
      Pattern.compile("(?<![\\d./-])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d]|[./-]\\d)");

  /** Year last: «24-04-2020», «4/24/2020», «24.04.2020». */
  private static final Pattern YEAR_LAST =
      Pattern.compile("(?<![\\d./-])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})(?![\\d]|[./-]\\d)");

  /** Lunar Hijri years run from here: a year-first date below it on a Persian page is solar. */
  private static final int FIRST_LUNAR_ONLY_YEAR = 1431;

  private NumericDates() {}

  /** The order of day and month in a page's year-last dates. */
  enum Order {
    /** Day first: most of the world, and every date with dots. */
    DAY_MONTH,
    /** Month first: the United States. */
    MONTH_DAY,
    /** Nothing on the page tells. */
    UNKNOWN;

    /**
     * The order a page's declared language implies: month first for American English, unknown for
     * English without a region (British, Indian and Pakistani sites put the day first), day first
     * for every other language.
     */
    static Order ofLanguage(@Nullable String declared) {
      if (declared == null || declared.isBlank()) {
        return UNKNOWN;
      }
      String tag = declared.strip().toLowerCase(Locale.ROOT).replace('_', '-');
      if (tag.equals("en-us")) {
        return MONTH_DAY;
      }
      return tag.equals("en") ? UNKNOWN : DAY_MONTH;
    }
  }

  /**
   * The order the text's own year-last dates show: day first when one starts with a number over 12,
   * month first when one has it second; unknown when none does or they disagree.
   */
  static Order orderOf(String text) {
    Matcher m = YEAR_LAST.matcher(ArabicScript.asciiDigits(text));
    Order found = Order.UNKNOWN;
    while (m.find()) {
      int first = Integer.parseInt(m.group(1));
      int second = Integer.parseInt(m.group(3));
      Order order =
          first > 12 && second <= 12
              ? Order.DAY_MONTH
              : second > 12 && first <= 12 ? Order.MONTH_DAY : Order.UNKNOWN;
      if (order != Order.UNKNOWN) {
        if (found != Order.UNKNOWN && found != order) {
          return Order.UNKNOWN;
        }
        found = order;
      }
    }
    return found;
  }

  /**
   * The first date in figures in the text, or null.
   *
   * @param order the order of day and month the page uses, for dates that do not show it
   * @param persian whether the page is in Persian, whose year-first dates are solar Hijri
   */
  static @Nullable Instant find(String text, Order order, boolean persian) {
    String ascii = ArabicScript.asciiDigits(text);
    if (!hasDigitPair(ascii)) {
      return null;
    }
    Matcher m = YEAR_FIRST.matcher(ascii);
    while (m.find()) {
      int year = Integer.parseInt(m.group(1));
      Calendars calendar =
          year >= 1900
              ? Calendars.GREGORIAN
              : persian || year < FIRST_LUNAR_ONLY_YEAR
                  ? Calendars.SOLAR_HIJRI
                  : Calendars.LUNAR_HIJRI;
      Instant date =
          TextualDates.date(calendar, m.group(1), Integer.parseInt(m.group(3)), m.group(4));
      if (date != null) {
        return date;
      }
    }
    m = YEAR_LAST.matcher(ascii);
    while (m.find()) {
      int first = Integer.parseInt(m.group(1));
      int second = Integer.parseInt(m.group(3));
      Order here = order;
      if (first > 12) {
        here = Order.DAY_MONTH;
      } else if (second > 12) {
        here = Order.MONTH_DAY;
      } else if (m.group(2).equals(".") || first == second) {
        here = Order.DAY_MONTH; // no one writes the month first with dots
      }
      if (here == Order.UNKNOWN) {
        continue;
      }
      int month = here == Order.DAY_MONTH ? second : first;
      String day = String.valueOf(here == Order.DAY_MONTH ? first : second);
      Instant date = TextualDates.date(Calendars.GREGORIAN, m.group(4), month, day);
      if (date != null) {
        return date;
      }
    }
    return null;
  }

  /** Whether a digit is followed by a separator and another digit somewhere, as a date needs. */
  private static boolean hasDigitPair(String text) {
    for (int i = 1; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '-' || c == '/' || c == '.')
          && Character.isDigit(text.charAt(i - 1))
          && Character.isDigit(text.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }
}
