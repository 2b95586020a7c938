package dev.khabar.enrich.meta;

import dev.khabar.enrich.language.ArabicScript;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the machine-readable dates pages put in meta tags, JSON-LD and {@code <time datetime>}: ISO
 * 8601 with an offset in any of its forms ({@code Z}, {@code +05:00}, {@code +0500}, {@code +05}),
 * with a space for the {@code T} or before the offset, without offset, date only, and RFC 1123. A
 * time without offset is taken as UTC, a date alone as midnight UTC. Stateless and thread-safe.
 */
public final class DateParser {
  /**
   * Years outside this range are typos or placeholders ({@code 0001-01-01}), not publication dates.
   */
  private static final int MIN_YEAR = 1990;

  private static final int MAX_YEAR = 2100;

  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private static final Pattern EPOCH = Pattern.compile("\\d{10}(\\d{3})?");
  private static final Pattern ISO_PREFIX =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?: ?(?:Z|[+-]\\d{2}(?::?\\d{2})?))?)?");

  /** A space between a time and its offset («10:20:30 +0500»), which ISO 8601 does not allow. */
  private static final Pattern SPACED_OFFSET = Pattern.compile("(?<=\\d) (?=Z$|[+-]\\d{2})");

  private DateParser() {}

  /** The instant a machine-readable date string denotes, or null when it is none. */
  public static @Nullable Instant parse(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String text = ArabicScript.asciiDigits(value.strip());
    if (text.isEmpty()) {
      return null;
    }
    if (EPOCH.matcher(text).matches()) {
      long number = Long.parseLong(text);
      return plausible(
          text.length() == 13 ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number));
    }
    Matcher iso = ISO_PREFIX.matcher(text);
    if (iso.lookingAt()) {
      Instant instant = parseIso(SPACED_OFFSET.matcher(iso.group()).replaceFirst(""));
      if (instant != null) {
        return instant;
      }
    }
    try {
      return plausible(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return TextualDates.find(text);
    }
  }

  /**
   * The first ISO 8601 date or time inside a text, a date line such as «opublikowano: 2021-04-29
   * 17:13:04+02:00», or null.
   */
  static @Nullable Instant findIso(String text) {
    String ascii = ArabicScript.asciiDigits(text);
    if (ascii.indexOf('-') < 0) {
      return null;
    }
    Matcher iso = ISO_PREFIX.matcher(ascii);
    while (iso.find()) {
      boolean digitBefore = iso.start() > 0 && Character.isDigit(ascii.charAt(iso.start() - 1));
      Instant instant =
          digitBefore ? null : parseIso(SPACED_OFFSET.matcher(iso.group()).replaceFirst(""));
      if (instant != null) {
        return instant;
      }
    }
    return null;
  }

  private static @Nullable Instant parseIso(String text) {
    try {
      var parsed =
          LOCAL.parseBest(text, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      Instant instant =
          switch (parsed) {
            case OffsetDateTime odt -> odt.toInstant();
            case LocalDateTime ldt -> ldt.toInstant(ZoneOffset.UTC);
            case LocalDate date -> date.atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> null;
          };
      return instant == null ? null : plausible(instant);
    } catch (DateTimeException e) {
      return null;
    }
  }

  static @Nullable Instant plausible(Instant instant) {
    int year = instant.atOffset(ZoneOffset.UTC).getYear();
    return year >= MIN_YEAR && year <= MAX_YEAR ? instant : null;
  }
}
