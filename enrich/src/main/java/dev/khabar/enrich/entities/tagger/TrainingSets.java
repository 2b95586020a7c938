package dev.khabar.enrich.entities.tagger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpora each model is trained on, under the {@code ner/} data directory. Arabic and English
 * get separate models: the scripts share no words, so a joint model would only add hash collisions
 * and let the much larger English data dominate shared shape and bias weights.
 */
public final class TrainingSets {

  /**
   * Hash bits of the shipped models: 2^20 buckets. ANERcorp cross-validation, micro F1: 72.1 at
   * 18 bits, 72.3 at 20 (within fold noise). 18 bits tag about twice as fast (the 4.5 MB table
   * stays in cache) but, like 19, turned «حسن» of «حسن الجوار» into a person and cut "Asad" off
   * "Asad Majeed Khan"; revisit with more training data.
   */
  public static final int BITS = 20;
  /** Fixed epoch count, chosen by ANERcorp cross-validation. */
  public static final int EPOCHS = 15;
  public static final long SEED = 20240601L;

  private TrainingSets() {}

  public static Map<String, List<Sentence>> arabic(Path data) throws IOException {
    Map<String, List<Sentence>> sets = new LinkedHashMap<>();
    sets.put("anercorp", Corpus.read(data.resolve("ar/anercorp-camellab-train.txt"),
        Corpus.Format.ANERCORP));
    return sets;
  }

  public static Map<String, List<Sentence>> english(Path data) throws IOException {
    Map<String, List<Sentence>> sets = new LinkedHashMap<>();
    sets.put("wikigold", Corpus.read(data.resolve("en/wikigold.conll"), Corpus.Format.CONLL));
    sets.put("btc", Corpus.read(data.resolve("en/btc.conll"), Corpus.Format.CONLL));
    sets.put("wnut17", Corpus.read(data.resolve("en/wnut17-train.conll"), Corpus.Format.WNUT));
    return sets;
  }
}
