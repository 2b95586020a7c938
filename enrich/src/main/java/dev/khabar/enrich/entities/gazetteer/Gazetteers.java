package dev.khabar.enrich.entities.gazetteer;

import com.ibm.icu.util.ULocale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Builds the shipped gazetteer from CLDR (via ICU4J) and the classpath resources. */
public final class Gazetteers {

  private static final String RESOURCES = "/dev/khabar/enrich/entities/";
  private static final ULocale AR = new ULocale("ar");
  private static final ULocale EN = ULocale.ENGLISH;

  /**
   * Arabic long forms of state names are a state word, optional qualifiers and the country's
   * feminine adjective: «الجمهورية الإسلامية الإيرانية», «المملكة الأردنية الهاشمية».
   */
  private static final List<String> STATE_WORDS =
      List.of("الجمهورية", "المملكة", "دولة", "سلطنة", "إمارة", "جمهورية", "مملكة");

  private static final List<String> QUALIFIERS =
      List.of(
          "", "الإسلامية", "العربية", "الشعبية", "الديمقراطية", "الاتحادية", "الديمقراطية الشعبية");

  private static volatile Gazetteer shipped;

  private Gazetteers() {}

  /** The gazetteer of all sources, built once. */
  public static Gazetteer shipped() {
    Gazetteer g = shipped;
    if (g == null) {
      synchronized (Gazetteers.class) {
        g = shipped;
        if (g == null) {
          g = build();
          shipped = g;
        }
      }
    }
    return g;
  }

  static Gazetteer build() {
    return build(Gazetteers::lines);
  }

  /**
   * The gazetteer of the name lists in {@code dir} (as {@code train-ner} writes them, before they
   * are packaged).
   */
  public static Gazetteer read(Path dir) {
    return build(
        file -> {
          try {
            return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * The gazetteer of the shipped lists, each read by {@code files}: CLDR countries, organisations,
   * places, people, clubs, competitions and demonyms.
   */
  static Gazetteer build(Function<String, List<String>> files) {
    Gazetteer g = new Gazetteer();
    addCountries(g, files.apply(CLDR_PLACES));
    addOrganisations(g, files.apply("organisations.tsv"));
    addPlaces(g, files.apply("places.tsv"));
    addNames(g, files.apply("names.tsv"));
    addDemonyms(g, files.apply("demonyms.tsv"));
    return g;
  }

  /** Country names exported from CLDR by {@link #exportCldr}. */
  static final String CLDR_PLACES = "cldr-places.tsv";

  static void addCountries(Gazetteer g, List<String> cldrPlaces) {
    for (String[] f : rows(cldrPlaces)) {
      GazetteerEntry entry = new GazetteerEntry(f[0], Source.COUNTRY, f[2], f[3]);
      g.add(f[2], entry);
      g.add(f[3], entry);
      if (!f[3].contains(" ")) {
        for (String longForm : longForms(f[3])) {
          g.add(longForm, entry);
        }
      }
    }
  }

  /**
   * GeoNames countries, regions and cities ({@code places.tsv}: id, kind, English name, Arabic
   * names), the most populous first, so that a name shared by two places links to the larger.
   */
  static void addPlaces(Gazetteer g, List<String> lines) {
    for (String[] f : rows(lines)) {
      Source source =
          switch (f[1]) {
            case "country" -> Source.COUNTRY;
            case "region" -> Source.REGION;
            default -> Source.CITY;
          };
      String[] arabic = f.length > 3 && !f[3].isEmpty() ? f[3].split("\\|") : new String[0];
      GazetteerEntry entry =
          new GazetteerEntry(f[0], source, f[2], arabic.length > 0 ? arabic[0] : null);
      g.add(f[2], entry);
      for (String name : arabic) {
        g.add(name, entry);
      }
    }
  }

  /**
   * People, clubs and competitions ({@code names.tsv}: id, type, English name, Arabic name), and
   * the first words of the people's names as given names.
   */
  static void addNames(Gazetteer g, List<String> lines) {
    for (String[] f : rows(lines)) {
      Source source =
          switch (f[1]) {
            case "PER" -> Source.PERSON;
            case "ORG" -> Source.CLUB;
            default -> Source.COMPETITION;
          };
      GazetteerEntry entry = new GazetteerEntry(f[0], source, f[2], f[3]);
      g.add(f[2], entry);
      g.add(f[3], entry);
      if (source == Source.CLUB) {
        for (String alias : List.of(clubAlias(f[2]), clubAlias(f[3]))) {
          if (!alias.isEmpty()) {
            g.addAlias(alias, entry);
          }
        }
      }
      if (source == Source.PERSON) {
        for (String name : List.of(f[2], f[3])) {
          int space = name.indexOf(' ');
          if (space > 1) {
            String first = name.substring(0, space);
            g.add(first, new GazetteerEntry("name:" + first, Source.GIVEN_NAME, first, first));
          }
        }
      }
    }
  }

  /**
   * A club's name as news writes it, without the abbreviations of its legal form and the words for
   * "club" and "football": "Arsenal" for "Arsenal F.C.", "Köln" for "1. FC Köln", «آرسنال» for
   * «نادي آرسنال», «كايزرسلاوترن» for «نادي كايزرسلاوترن لكرة القدم»; empty when nothing is cut or
   * too little is left.
   */
  static String clubAlias(String name) {
    List<String> words = new ArrayList<>(List.of(name.split(" ")));
    int before = words.size();
    while (words.size() > 1 && CLUB_PREFIXES.contains(words.getFirst().toLowerCase(Locale.ROOT))) {
      words.removeFirst();
    }
    while (words.size() > 1 && CLUB_SUFFIXES.contains(words.getLast().toLowerCase(Locale.ROOT))) {
      words.removeLast();
    }
    if (words.size() > 2
        && words.get(words.size() - 2).equals("لكرة")
        && words.getLast().equals("القدم")) {
      words.subList(words.size() - 2, words.size()).clear();
    }
    String alias = String.join(" ", words);
    return words.size() == before || alias.length() < 3 ? "" : alias;
  }

  /** Legal-form abbreviations that open club names, and «نادي» ("club"). */
  private static final Set<String> CLUB_PREFIXES =
      Set.of(
          "1.", "fc", "f.c.", "afc", "a.f.c.", "cf", "c.f.", "sc", "s.c.", "fk", "sk", "ac", "a.c.",
          "as", "bc", "ssc", "sv", "vfl", "vfb", "tsv", "fsv", "cd", "c.d.", "ud", "rc", "rcd",
          "nk", "hnk", "kk", "pfc", "pfk", "if", "ik", "bk", "kv", "ks", "kf", "cs", "csm", "نادي");

  /** Legal-form abbreviations that close club names. */
  private static final Set<String> CLUB_SUFFIXES =
      Set.of(
          "fc", "f.c.", "afc", "a.f.c.", "cf", "c.f.", "sc", "s.c.", "fk", "sk", "bk", "if", "ik",
          "ff", "l.f.c.", "w.f.c.", "s.k.", "b.c.", "c.d.");

  /** Nationality and people words ({@code demonyms.tsv}: id, English forms, Arabic forms). */
  static void addDemonyms(Gazetteer g, List<String> lines) {
    for (String[] f : rows(lines)) {
      String[] en = f[1].split("\\|");
      String[] ar = f.length > 2 && !f[2].isEmpty() ? f[2].split("\\|") : new String[0];
      GazetteerEntry entry =
          new GazetteerEntry(f[0], Source.DEMONYM, en[0], ar.length > 0 ? ar[0] : null);
      for (String name : en) {
        g.add(name, entry);
      }
      for (String name : ar) {
        g.add(name, entry);
      }
    }
  }

  private static List<String[]> rows(List<String> lines) {
    List<String[]> rows = new ArrayList<>(lines.size());
    for (String line : lines) {
      if (!line.isBlank() && !line.startsWith("#")) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  /** Writes {@value #CLDR_PLACES} from the ICU4J on the classpath: id, source, English, Arabic. */
  public static void exportCldr(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    out.add(
        "# Generated by train-ner from CLDR via ICU4J "
            + com.ibm.icu.util.VersionInfo.ICU_VERSION
            + " (Unicode licence): country names (ULocale.getDisplayCountry), English and Arabic."
            + " Do not edit.");
    for (String code : new TreeSet<>(List.of(ULocale.getISOCountries()))) {
      ULocale region = new ULocale("und", code);
      String en = clean(region.getDisplayCountry(EN));
      String ar = clean(region.getDisplayCountry(AR));
      if (!en.equals(code) && !ar.equals(code)) { // no CLDR name: a deprecated or private code
        out.add(String.join("\t", "iso3166:" + code, Source.COUNTRY.name(), en, ar));
      }
    }
    Files.write(file, out, StandardCharsets.UTF_8);
  }

  /** «إيران» → «الجمهورية الإيرانية», «الجمهورية الإسلامية الإيرانية», ... */
  static List<String> longForms(String arabicName) {
    String adjective = feminineAdjective(arabicName);
    List<String> forms = new ArrayList<>();
    for (String state : STATE_WORDS) {
      for (String q : QUALIFIERS) {
        forms.add(state + " " + (q.isEmpty() ? "" : q + " ") + adjective);
      }
    }
    return forms;
  }

  /** The feminine relative adjective (nisba): «إيران» → «الإيرانية», «سوريا» → «السورية». */
  static String feminineAdjective(String arabicName) {
    String base = arabicName.startsWith("ال") ? arabicName.substring(2) : arabicName;
    if (base.endsWith("ية") || base.endsWith("يه")) {
      base = base.substring(0, base.length() - 1);
    } else if (base.endsWith("يا")) {
      base = base.substring(0, base.length() - 1);
    } else if (base.endsWith("ا")) {
      base = base.substring(0, base.length() - 1) + "ي";
    } else {
      base = base + "ي";
    }
    return "ال" + base + "ة";
  }

  static void addOrganisations(Gazetteer g, List<String> lines) {
    for (String[] f : rows(lines)) {
      if (f.length < 3) {
        throw new IllegalStateException(
            "organisations.tsv: expected id, name, Arabic name: " + String.join("\t", f));
      }
      GazetteerEntry entry = new GazetteerEntry(f[0], Source.ORGANISATION, f[1], f[2]);
      g.add(f[1], entry);
      g.add(f[2], entry);
      if (f.length > 3) {
        for (String alias : f[3].split("\\|")) {
          g.add(alias, entry);
        }
      }
    }
  }

  /**
   * Drops CLDR's parenthesised qualifiers: "ماكاو الصينية (منطقة إدارية خاصة)" → "ماكاو الصينية".
   */
  private static String clean(String name) {
    int paren = name.indexOf(" (");
    return (paren > 0 ? name.substring(0, paren) : name).strip();
  }

  static List<String> lines(String resource) {
    try (InputStream in = Gazetteers.class.getResourceAsStream(RESOURCES + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
