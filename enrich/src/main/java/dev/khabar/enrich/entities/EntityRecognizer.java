package dev.khabar.enrich.entities;

import dev.khabar.common.contract.Entity;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.Gazetteers;
import dev.khabar.enrich.entities.gazetteer.Source;
import dev.khabar.enrich.entities.tagger.DocumentTagger;
import dev.khabar.enrich.entities.tagger.Span;
import dev.khabar.enrich.entities.tagger.Tags;
import dev.khabar.enrich.entities.text.Clitics;
import dev.khabar.enrich.entities.text.Normalizer;
import dev.khabar.enrich.entities.text.Token;
import dev.khabar.enrich.entities.text.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Recognises and links the people, organisations, places and other names of an article.
 *
 * <pre>{@code
 * EntityRecognizer ner = EntityRecognizer.load();
 * List<Entity> entities = ner.recognize("التقى عارف بالأمين العام لمنظمة إيكو في طهران", "ar");
 * }</pre>
 *
 * <p>Thread-safe: one instance serves all stream threads.
 */
public final class EntityRecognizer {

  /** The languages with models of their own; most other languages use one of them. */
  public static final List<String> LANGUAGES = List.of("ar", "en", "fa");

  /**
   * What {@link #modelLanguage} gives for a language no model can read: its entities are the names
   * the lists know ({@link ListedNameFinder}).
   */
  public static final String LISTED_NAMES_ONLY = "listed";

  private static volatile @Nullable EntityRecognizer shipped;

  private final Map<String, SpanFinder> finders;
  private final Linker linker;
  private final Gazetteer gazetteer;

  EntityRecognizer(Gazetteer gazetteer, Map<String, DocumentTagger> taggers) {
    Map<String, SpanFinder> f = new HashMap<>();
    taggers.forEach((language, tagger) -> f.put(language, new MentionFinder(tagger)));
    f.put(LISTED_NAMES_ONLY, new ListedNameFinder(gazetteer));
    this.finders = Map.copyOf(f);
    this.linker = new Linker(gazetteer);
    this.gazetteer = gazetteer;
  }

  /**
   * A recogniser over other taggers than the shipped ones, by model language ({@link #LANGUAGES}).
   */
  public static EntityRecognizer of(Gazetteer gazetteer, Map<String, DocumentTagger> taggers) {
    return new EntityRecognizer(gazetteer, taggers);
  }

  /** The shipped models and gazetteers, loaded from the classpath on first use. */
  public static EntityRecognizer load() {
    EntityRecognizer r = shipped;
    if (r == null) {
      synchronized (EntityRecognizer.class) {
        r = shipped;
        if (r == null) {
          r = build(Gazetteers::shipped, LanguageModels::load);
          shipped = r;
        }
      }
    }
    return r;
  }

  /**
   * The models and name lists of a directory that {@code train-ner --out DIR} wrote (the optional
   * research models, say); a language without a model there gets the shipped one. {@code null}: the
   * shipped models ({@link #load()}).
   *
   * @throws IllegalArgumentException if {@code dir} holds no tagger model
   */
  public static EntityRecognizer load(@Nullable Path dir) {
    if (dir == null) {
      return load();
    }
    if (LANGUAGES.stream().noneMatch(language -> LanguageModels.isIn(dir, language))) {
      throw new IllegalArgumentException(
          "no entity models in "
              + dir.toAbsolutePath()
              + ": expected ner-LANG.bin.gz and ner-LANG-doc.bin.gz as train-ner --out writes them");
    }
    // A directory of models alone uses the shipped name lists.
    Supplier<Gazetteer> names =
        Files.isRegularFile(dir.resolve("places.tsv"))
            ? () -> Gazetteers.read(dir)
            : Gazetteers::shipped;
    return build(names, language -> LanguageModels.read(dir, language));
  }

  /**
   * The gazetteer and each language's models in parallel, and each language's tagger (its known
   * words' sums) as soon as both are there: each step takes a few hundred milliseconds. On threads
   * of their own, as the common pool has one worker on two cores.
   */
  private static EntityRecognizer build(
      Supplier<Gazetteer> gazetteers, Function<String, LanguageModels> models) {
    ExecutorService loaders =
        Executors.newFixedThreadPool(
            LANGUAGES.size() + 1,
            task -> {
              Thread t = new Thread(task, "entity-models-loader");
              t.setDaemon(true);
              return t;
            });
    try {
      CompletableFuture<Gazetteer> names = CompletableFuture.supplyAsync(gazetteers, loaders);
      Map<String, CompletableFuture<DocumentTagger>> building = new HashMap<>();
      for (String language : LANGUAGES) {
        building.put(
            language,
            CompletableFuture.supplyAsync(() -> models.apply(language), loaders)
                .thenCombineAsync(names, LanguageModels::tagger, loaders));
      }
      Gazetteer gazetteer = names.join();
      Map<String, DocumentTagger> taggers = new HashMap<>();
      building.forEach((language, tagger) -> taggers.put(language, tagger.join()));
      return new EntityRecognizer(gazetteer, taggers);
    } finally {
      loaders.shutdown();
    }
  }

  /**
   * The language whose model tags text in {@code language}: its own where it has one; Persian's for
   * Urdu, Pashto, Sindhi and Kurdish (Perso-Arabic letters and a shared stock of loanwords); {@link
   * #LISTED_NAMES_ONLY} for German and Luxembourgish; otherwise Arabic's for text mostly in Arabic
   * script and English's for the rest.
   *
   * <p>German and Luxembourgish write every noun with a capital, and capitals are the English
   * model's strongest evidence for a name in Latin letters: on German pages it took most nouns for
   * names («Beispiel», «Jahren» as people), which would fill the facets with common words. Spanish
   * or French capitalise names only, as English does, and the English model finds their names.
   */
  public static String modelLanguage(String language, String text) {
    return switch (language) {
      case "ar", "en", "fa" -> language;
      case "ur", "ps", "sd", "ckb", "ku" -> "fa";
      case "de", "lb", LISTED_NAMES_ONLY -> LISTED_NAMES_ONLY;
      default -> mostlyArabic(text) ? "ar" : "en";
    };
  }

  private SpanFinder finder(String modelLanguage) {
    SpanFinder finder = finders.get(modelLanguage);
    if (finder == null) {
      throw new IllegalStateException("no entity model for language " + modelLanguage);
    }
    return finder;
  }

  /**
   * IOB2 tags (see {@link Tags}) of each sentence of one document, given as raw tokens: what {@link
   * #recognize} finds, before linking, for text already tokenised.
   *
   * @param language ISO 639-1 code, as for {@link #recognize}
   */
  public List<int[]> tag(List<List<String>> sentences, String language) {
    String sample = sentences.isEmpty() ? "" : String.join(" ", sentences.get(0));
    SpanFinder finder = finder(modelLanguage(language, sample));
    List<List<Span>> spans = finder.find(sentences);
    List<int[]> out = new ArrayList<>(sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      int[] tags = new int[sentences.get(s).size()];
      for (Span span : spans.get(s)) {
        tags[span.start()] = Tags.begin(span.type());
        for (int i = span.start() + 1; i < span.end(); i++) {
          tags[i] = Tags.inside(span.type());
        }
      }
      out.add(tags);
    }
    return out;
  }

  /**
   * The entities of {@code text}, each once, in order of first mention.
   *
   * @param language ISO 639-1 code: picks the model ({@link #modelLanguage})
   */
  public List<Entity> recognize(String text, String language) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    List<Token> tokens = Tokenizer.tokenize(text);
    SpanFinder finder = finder(modelLanguage(language, text));
    String[] norms = new String[tokens.size()];
    Set<String> words = new HashSet<>();
    for (int i = 0; i < norms.length; i++) {
      norms[i] = Normalizer.normalize(tokens.get(i).text());
      words.add(norms[i]);
    }
    List<Mention> mentions = new ArrayList<>();
    boolean[] covered = new boolean[tokens.size()];
    List<int[]> sentences = Sentences.split(text, tokens);
    List<List<String>> raw = new ArrayList<>(sentences.size());
    for (int[] sentence : sentences) {
      raw.add(tokens.subList(sentence[0], sentence[1]).stream().map(Token::text).toList());
    }
    List<List<Span>> spans = finder.find(raw);
    for (int k = 0; k < sentences.size(); k++) {
      int offset = sentences.get(k)[0];
      for (Span s : spans.get(k)) {
        int from = offset + s.start();
        int to = offset + s.end();
        mentions.add(linker.link(tokens, from, to, Tags.TYPES.get(s.type()), words));
        java.util.Arrays.fill(covered, from, to, true);
      }
    }
    mentions.addAll(repeatedNames(tokens, norms, mentions, covered));
    return ArticleEntities.of(text, mentions);
  }

  /**
   * Other mentions of a person by the same name, or by two or more final words of a full name the
   * tagger found elsewhere in the article («مجيد خان» after «أسد مجيد خان»), where the tagger
   * missed them.
   */
  private List<Mention> repeatedNames(
      List<Token> tokens, String[] norms, List<Mention> found, boolean[] covered) {
    List<String[]> names = new ArrayList<>();
    for (Mention m : found) {
      if (m.link() == null && m.type().equals("PER")) {
        String[] words = m.key().split(" ");
        // The whole name, and its endings of two words or more: a lone given name or surname
        // elsewhere is too often a common word («حسن», «خان»).
        names.add(words);
        for (int s = 1; s + 2 <= words.length; s++) {
          names.add(java.util.Arrays.copyOfRange(words, s, words.length));
        }
      }
    }
    names.sort((a, b) -> b.length - a.length);
    // Names by first word, in that order: a token is then compared only with the names that can
    // start at it (its word, or its word without proclitics) instead of with every name.
    Map<String, List<Integer>> byFirstWord = new HashMap<>();
    for (int n = 0; n < names.size(); n++) {
      byFirstWord.computeIfAbsent(names.get(n)[0], w -> new ArrayList<>()).add(n);
    }
    List<Mention> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String[] name = firstMatch(norms, i, names, byFirstWord, covered);
      if (name != null) {
        int from = withGivenNames(tokens, i, covered);
        out.add(linker.link(tokens, from, i + name.length, "PER", Set.of(name[0])));
        java.util.Arrays.fill(covered, from, i + name.length, true);
      }
    }
    return out;
  }

  /** The earliest name in {@code names} that {@link #matches} at token {@code at}, if any. */
  private static String @Nullable [] firstMatch(
      String[] norms,
      int at,
      List<String[]> names,
      Map<String, List<Integer>> byFirstWord,
      boolean[] covered) {
    String norm = norms[at];
    int best = Integer.MAX_VALUE;
    // A first word matches the token itself or the token without some of its proclitics.
    for (int cut = 0; cut <= Clitics.prefixLength(norm); cut++) {
      List<Integer> candidates = byFirstWord.get(norm.substring(cut));
      if (candidates == null) {
        continue;
      }
      for (int n : candidates) {
        if (n < best
            && at + names.get(n).length <= norms.length
            && matches(norms, at, names.get(n), covered)) {
          best = n;
          break;
        }
      }
    }
    return best == Integer.MAX_VALUE ? null : names.get(best);
  }

  /**
   * Where a repeated name starts once the given names before it are included: «أسد» of «أسد مجيد
   * خان» where only «مجيد خان» was tagged, as {@link MentionFinder} does within a sentence.
   */
  private int withGivenNames(List<Token> tokens, int at, boolean[] covered) {
    int from = at;
    while (from > 0
        && at - from < MentionFinder.MAX_GIVEN_NAMES
        && !covered[from - 1]
        && isGivenName(tokens.get(from - 1).text())) {
      from--;
    }
    return from;
  }

  private boolean isGivenName(String token) {
    if (!MentionFinder.mayBeGivenName(token)) {
      return false;
    }
    for (Gazetteer.Match m : gazetteer.findAll(List.of(token))) {
      if (m.entry().source() == Source.GIVEN_NAME) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String[] norms, int at, String[] name, boolean[] covered) {
    for (int k = 0; k < name.length; k++) {
      if (covered[at + k]) {
        return false;
      }
      String norm = norms[at + k];
      boolean same =
          norm.equals(name[k])
              || (k == 0
                  && norm.endsWith(name[k])
                  && Clitics.prefixLength(norm) > 0
                  && norm.length() - Clitics.prefixLength(norm) <= name[k].length());
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static boolean mostlyArabic(String text) {
    int arabic = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Normalizer.isArabicLetter(c)) {
        arabic++;
      } else if (c < 0x250 && Character.isLetter(c)) {
        latin++;
      }
    }
    return arabic >= latin;
  }
}
