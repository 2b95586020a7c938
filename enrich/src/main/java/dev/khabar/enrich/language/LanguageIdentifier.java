package dev.khabar.enrich.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;
import org.jspecify.annotations.Nullable;

/**
 * Identifies the language of a text with OpenNLP's language-detection model (103 languages, from
 * the {@code opennlp-models-langdetect} jar), answering an ISO 639-1 code or {@code und}. Arabic,
 * Persian and Urdu share a script and much vocabulary, so within that script letters that only one
 * of them uses settle what the model leaves close.
 *
 * <p>Thread-safe: the model is loaded once, on first use, and shared read-only.
 */
public final class LanguageIdentifier {
  /** The language of text too short or too mixed to tell. */
  public static final String UNDETERMINED = "und";

  private static final String MODEL_RESOURCE = "/langdetect-183.bin";

  /** Fewer letters than this and any answer is a guess. */
  private static final int MIN_LETTERS = 12;

  /** The model's time grows with the text; the first few thousand characters decide as well. */
  private static final int MAX_CHARS = 4000;

  /**
   * The model spreads probability over 103 languages, so a short sentence gets ~0.05 for the right
   * one; what tells a real answer from noise is its lead over the runner-up.
   */
  private static final double MIN_CONFIDENCE = 0.02;

  private static final double MIN_LEAD = 1.15;

  /** Individual codes the model uses whose macrolanguage has the ISO 639-1 code. */
  private static final Map<String, String> MACRO =
      Map.ofEntries(
          Map.entry("pes", "fa"),
          Map.entry("prs", "fa"),
          Map.entry("cmn", "zh"),
          Map.entry("zsm", "ms"),
          Map.entry("ekk", "et"),
          Map.entry("lvs", "lv"),
          Map.entry("azj", "az"),
          Map.entry("uzn", "uz"),
          Map.entry("swh", "sw"),
          Map.entry("khk", "mn"),
          Map.entry("npi", "ne"),
          Map.entry("ory", "or"),
          Map.entry("plt", "mg"),
          Map.entry("gug", "gn"),
          Map.entry("quz", "qu"),
          Map.entry("ydd", "yi"),
          Map.entry("nob", "nb"),
          Map.entry("nno", "nn"),
          Map.entry("ckb", "ku"),
          Map.entry("kmr", "ku"),
          Map.entry("pbu", "ps"),
          Map.entry("arb", "ar"),
          Map.entry("hbs", "sh"));

  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  private LanguageIdentifier() {}

  public static LanguageIdentifier withDefaults() {
    return Instance.INSTANCE;
  }

  /**
   * ISO 639-1 code of the text's language ({@code ar}, {@code fa}, {@code ur}, {@code en} …) or
   * {@code und}.
   */
  public String identify(String text) {
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    ScriptCounts counts = ScriptCounts.of(sample);
    if (counts.letters() < MIN_LETTERS) {
      return UNDETERMINED;
    }
    if (counts.arabicScriptShare() > 0.5) {
      String byLetters = counts.arabicScriptLanguage();
      if (byLetters != null) {
        return byLetters;
      }
    }
    Language[] ranked = rank(sample);
    if (ranked.length == 0) {
      return UNDETERMINED;
    }
    if (counts.arabicScriptShare() > 0.5) {
      return bestArabicScript(ranked);
    }
    Language best = ranked[0];
    double runnerUp = ranked.length > 1 ? ranked[1].getConfidence() : 0;
    if (best.getConfidence() < MIN_CONFIDENCE || best.getConfidence() < runnerUp * MIN_LEAD) {
      return UNDETERMINED;
    }
    return toIso1(best.getLang());
  }

  /**
   * The model's ranking of all its languages, as {@code LanguageDetectorME.predictLanguages} gives
   * it, bit for bit. That method spends most of its time not in the model but around it: five
   * chains of regular expressions, and two hash maps of CharBuffers for the n-grams. {@link
   * DetectorText} and {@link CharNgrams} build the same context directly, and {@link GramWeights}
   * looks its grams up without making Strings of them; the detector itself is asked only when they
   * cannot vouch for the n-grams' order, or if the model names another factory.
   */
  static Language[] rank(String sample) {
    LanguageDetectorModel model = ModelHolder.MODEL;
    if (model.getFactory().getClass() != LanguageDetectorFactory.class) {
      return new LanguageDetectorME(model).predictLanguages(sample);
    }
    String normalized = DetectorText.normalize(sample);
    MaxentModel maxent = model.getMaxentModel();
    double[] probabilities;
    if (ModelHolder.WEIGHTS != null) {
      long[] grams = CharNgrams.packed(normalized);
      if (grams == null) {
        return new LanguageDetectorME(model).predictLanguages(sample);
      }
      probabilities = ModelHolder.WEIGHTS.eval(grams);
    } else {
      String[] context = CharNgrams.of(normalized);
      if (context == null) {
        return new LanguageDetectorME(model).predictLanguages(sample);
      }
      probabilities = evalByStrings(maxent, context);
    }
    Language[] ranked = new Language[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      ranked[i] = new Language(maxent.getOutcome(i), probabilities[i]);
    }
    // A stable sort, best first, as the detector sorts.
    Arrays.sort(ranked, (a, b) -> Double.compare(b.getConfidence(), a.getConfidence()));
    return ranked;
  }

  /**
   * The model's probabilities for a context of gram Strings, each of weight one, as the detector
   * asks.
   */
  private static double[] evalByStrings(MaxentModel maxent, String[] context) {
    float[] values = new float[context.length];
    Arrays.fill(values, 1f);
    return maxent.eval(context, values);
  }

  /**
   * Among the model's ranking, the best of Arabic, Persian and Urdu: the text is in that script.
   */
  private static String bestArabicScript(Language[] ranked) {
    for (Language language : ranked) {
      String code = toIso1(language.getLang());
      if (code.equals("ar") || code.equals("fa") || code.equals("ur")) {
        return code;
      }
    }
    return "ar";
  }

  static String toIso1(String iso3) {
    String code = MACRO.get(iso3);
    if (code == null) {
      code = ISO3_TO_ISO1.get(iso3);
    }
    return code == null ? UNDETERMINED : code;
  }

  private static Map<String, String> iso3ToIso1() {
    Map<String, String> map = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        map.put(Locale.of(iso1).getISO3Language(), iso1);
      } catch (java.util.MissingResourceException e) {
        // A two-letter code without a three-letter one: the model never answers it.
      }
    }
    return Map.copyOf(map);
  }

  private static final class Instance {
    static final LanguageIdentifier INSTANCE = new LanguageIdentifier();
  }

  /** Loads the 10 MB model on first use, not when the class is merely referenced. */
  private static final class ModelHolder {
    static final LanguageDetectorModel MODEL = load();

    /**
     * The model's weights by packed gram, when they give its own probabilities on texts of several
     * scripts; else null, and grams are looked up as Strings.
     */
    static final @Nullable GramWeights WEIGHTS = weights(MODEL);

    private static @Nullable GramWeights weights(LanguageDetectorModel model) {
      MaxentModel maxent = model.getMaxentModel();
      GramWeights weights = GramWeights.of(maxent);
      String[] probes = {
        "Trade ministers agreed on Sunday to set up a single customs window.",
        "قال النائب الأول للرئيس إن الدول الأعضاء في منظمة التعاون",
        "Die Ähnlichkeit ist groß: 13:42 Uhr",
        "中文 ΣΑΣ İstanbul ß xyzzy"
      };
      for (String probe : probes) {
        String normalized = DetectorText.normalize(probe);
        long[] grams = CharNgrams.packed(normalized);
        String[] context = CharNgrams.of(normalized);
        if (weights == null
            || grams == null
            || context == null
            || !Arrays.equals(weights.eval(grams), evalByStrings(maxent, context))) {
          return null;
        }
      }
      return weights;
    }

    private static LanguageDetectorModel load() {
      try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              MODEL_RESOURCE
                  + " not on the classpath: add org.apache.opennlp:opennlp-models-langdetect");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + MODEL_RESOURCE, e);
      }
    }
  }
}
