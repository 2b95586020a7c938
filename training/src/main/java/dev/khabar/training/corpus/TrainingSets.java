package dev.khabar.training.corpus;

import dev.khabar.enrich.entities.tagger.TaggerModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The corpora each model is trained on, and the training settings. Each language gets its own
 * model: the scripts share no words, so a joint model would only add hash collisions and let the
 * much larger English data dominate shared shape and bias weights.
 */
public final class TrainingSets {

  /**
   * Hash bits of the shipped models: 2^22 buckets. ANERcorp cross-validation, micro F1 of the
   * second pass: 74.8 at 20 bits, 74.7 at 21, 75.0 at 22, 74.8 at 23 (±0.2 is fold noise); fewer
   * bits also turned «حسن» of «حسن الجوار» into a person and cut "Asad" off "Asad Majeed Khan".
   * Only features with weights are kept ({@link TaggerModel}), so a wide space costs little memory.
   */
  public static final int BITS = 22;

  /**
   * Fixed epoch count. Fewer epochs overfit less to the training corpora: English cross-corpus
   * micro F1 (first pass, wikigold / CrossNER / GUM news / UNER-PUD) 64.2 / 59.6 / 65.8 / 69.1 at 6
   * epochs, 63.8 / 58.6 / 65.3 / 68.6 at 15, 63.4 / 58.2 / 64.6 / 68.4 at 30.
   */
  public static final int EPOCHS = 6;

  public static final long SEED = 20240601L;

  /**
   * Blocks of training documents the second pass's first-pass tags are jackknifed over: each block
   * is tagged by a first-pass model trained on the others.
   */
  public static final int JACKKNIFE_FOLDS = 5;

  /**
   * Bias against {@code O} in the second pass, in trained-weight units; ANERcorp cross-validation,
   * micro F1: +0.1 to +0.2 from 5 to 20, falling beyond.
   */
  public static final float OUTSIDE_PENALTY = 10;

  private TrainingSets() {}

  /** The languages that have models. */
  public static final List<String> LANGUAGES = List.of("ar", "en", "fa");

  /**
   * The corpora the default model of {@code language} is trained on. Arabic's first, ANERcorp, is
   * news like the text the model is for; the others (Wikipedia, history) are auxiliary domains
   * ({@link Sentence#domain}) whose conventions differ. English has no news corpus: every corpus is
   * a domain of its own.
   */
  public static List<Corpus> training(Corpora corpora, String language) throws IOException {
    List<Corpus> sets = sets(corpora, language);
    List<Corpus> out = new ArrayList<>(sets.size());
    for (int i = 0; i < sets.size(); i++) {
      boolean target = TARGETS.contains(sets.get(i).name());
      out.add(sets.get(i).inDomain(target ? 0 : i + 1));
    }
    return out;
  }

  /**
   * The corpora whose conventions the models follow: ANERcorp (news) for Arabic, and for English
   * those annotated by CoNLL's guidelines (wikigold, CrossNER, GUM), Wikipedia and Wikinews text.
   * Tweets (BTC, WNUT 2017) and web text (UNER) are auxiliary domains.
   */
  static final Set<String> TARGETS =
      Set.of("anercorp", "wikigold", "crossner-politics", "gum-news", "gum-other", "parstwiner");

  private static List<Corpus> sets(Corpora corpora, String language) throws IOException {
    return switch (language) {
      case "ar" ->
          List.of(corpora.anercorp(), corpora.aqmar(), corpora.wikifane(), corpora.wojood());
      case "en" ->
          List.of(
              corpora.wikigold(),
              corpora.btc(),
              corpora.wnut17(),
              corpora.unerEwt(),
              corpora.crossnerPolitics(),
              corpora.gum("gum-news", Corpora.GUM_NEWS),
              corpora.gum("gum-other", Corpora.GUM_OTHER));
      case "fa" -> List.of(corpora.parstwiner());
      default -> throw new IllegalArgumentException("no model for language " + language);
    };
  }

  /**
   * The training documents as a model of {@code language} learns from them: English gets some
   * sentences again in capitals ({@link Capitals}), as news headlines are written.
   */
  public static List<List<Sentence>> prepare(String language, List<List<Sentence>> documents) {
    return language.equals("en") ? Capitals.augment(documents) : documents;
  }

  /**
   * The unlabelled text the word clusters of {@code language} are learned from: directories under
   * the text data directory, each with the licence that the cluster file then carries. Only text
   * whose licence allows commercial use: SaudiNewsNet (CC BY-NC-SA) is not used.
   */
  public static Map<String, String> clusterText(String language) {
    return switch (language) {
      case "ar" -> Map.of(OPEN_ARABIC_PE, OPEN_ARABIC_PE_LICENCE);
      case "en" ->
          Map.of(
              "en/wikipedia-sample",
              "Derived from English Wikipedia articles, CC BY-SA 4.0: share alike.");
      default -> Map.of();
    };
  }

  /**
   * The unlabelled text of the optional research models: for Arabic, SaudiNewsNet's modern news
   * beside the periodicals, so the clusters know today's names and register; the cluster file, and
   * every model trained on it, is then for non-commercial use only. Other languages: as {@link
   * #clusterText}.
   */
  public static Map<String, String> researchClusterText(String language) {
    if (!language.equals("ar")) {
      return clusterText(language);
    }
    Map<String, String> text = new java.util.LinkedHashMap<>();
    text.put(
        "ar",
        "Derived from SaudiNewsNet (Saudi newspaper articles, 2015), CC BY-NC-SA 4.0:"
            + " non-commercial use only, share alike.");
    text.put(OPEN_ARABIC_PE, OPEN_ARABIC_PE_LICENCE);
    return text;
  }

  private static final String OPEN_ARABIC_PE = "ar/openarabicpe-periodicals";
  private static final String OPEN_ARABIC_PE_LICENCE =
      "Derived from OpenArabicPE's digital editions of Arabic periodicals (1898-1940),"
          + " CC BY-SA 4.0: share alike.";

  /**
   * Corpora kept out of every model of {@code language}, only ever tested on: UNER's English-PUD
   * (half news), whose own release keeps it for testing, and the same in capitals, as headlines.
   */
  public static List<Corpus> testOnly(Corpora corpora, String language) throws IOException {
    if (!language.equals("en")) {
      return List.of();
    }
    Corpus pud = corpora.unerPud();
    return List.of(pud, Capitals.upper(pud));
  }
}
