package dev.khabar.enrich.entities;

import dev.khabar.common.contract.Entity;
import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.Gazetteers;
import dev.khabar.enrich.entities.gazetteer.Source;
import dev.khabar.enrich.entities.tagger.DocumentTagger;
import dev.khabar.enrich.entities.tagger.Features;
import dev.khabar.enrich.entities.tagger.Span;
import dev.khabar.enrich.entities.tagger.TaggerModel;
import dev.khabar.enrich.entities.tagger.Tags;
import dev.khabar.enrich.entities.text.Clitics;
import dev.khabar.enrich.entities.text.Normalizer;
import dev.khabar.enrich.entities.text.Token;
import dev.khabar.enrich.entities.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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

  /** First- and second-pass models of each language ({@link DocumentTagger}). */
  public static final String ARABIC_MODEL = "/dev/khabar/enrich/entities/ner-ar.bin.gz";

  public static final String ARABIC_DOCUMENT_MODEL =
      "/dev/khabar/enrich/entities/ner-ar-doc.bin.gz";
  public static final String ENGLISH_MODEL = "/dev/khabar/enrich/entities/ner-en.bin.gz";
  public static final String ENGLISH_DOCUMENT_MODEL =
      "/dev/khabar/enrich/entities/ner-en-doc.bin.gz";
  public static final String ARABIC_CLUSTERS = "/dev/khabar/enrich/entities/clusters-ar.tsv.gz";

  private static volatile EntityRecognizer shipped;

  private final MentionFinder arabic;
  private final MentionFinder english;
  private final Linker linker;
  private final Gazetteer gazetteer;

  EntityRecognizer(Gazetteer gazetteer, DocumentTagger arabic, DocumentTagger english) {
    this.arabic = new MentionFinder(arabic);
    this.english = new MentionFinder(english);
    this.linker = new Linker(gazetteer);
    this.gazetteer = gazetteer;
  }

  /** The shipped models and gazetteers, loaded from the classpath on first use. */
  public static EntityRecognizer load() {
    EntityRecognizer r = shipped;
    if (r == null) {
      synchronized (EntityRecognizer.class) {
        r = shipped;
        if (r == null) {
          // The inflates, the gazetteer and each language's tagger in parallel: each takes a few
          // hundred milliseconds.
          CompletableFuture<TaggerModel> ar = model(ARABIC_MODEL);
          CompletableFuture<TaggerModel> arDoc = model(ARABIC_DOCUMENT_MODEL);
          CompletableFuture<TaggerModel> en = model(ENGLISH_MODEL);
          CompletableFuture<TaggerModel> enDoc = model(ENGLISH_DOCUMENT_MODEL);
          CompletableFuture<WordClusters> clusters =
              CompletableFuture.supplyAsync(
                  () -> WordClusters.load(ARABIC_CLUSTERS, Features::hash));
          Gazetteer gazetteer = Gazetteers.shipped();
          CompletableFuture<DocumentTagger> arabic =
              CompletableFuture.supplyAsync(
                  () -> new DocumentTagger(gazetteer, clusters.join(), ar.join(), arDoc.join()));
          DocumentTagger english =
              new DocumentTagger(gazetteer, WordClusters.NONE, en.join(), enDoc.join());
          r = new EntityRecognizer(gazetteer, arabic.join(), english);
          shipped = r;
        }
      }
    }
    return r;
  }

  private static CompletableFuture<TaggerModel> model(String resource) {
    return CompletableFuture.supplyAsync(() -> TaggerModel.load(resource));
  }

  /**
   * The entities of {@code text}, each once, in order of first mention.
   *
   * @param language ISO 639-1 code; "ar" and "en" pick their models, anything else the model of the
   *     script most of the letters are written in
   */
  public List<Entity> recognize(String text, String language) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    List<Token> tokens = Tokenizer.tokenize(text);
    MentionFinder finder =
        switch (language) {
          case "ar" -> arabic;
          case "en" -> english;
          default -> mostlyArabic(text) ? arabic : english;
        };
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
      if (m.entry().source() == Source.ANER_PER) {
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
