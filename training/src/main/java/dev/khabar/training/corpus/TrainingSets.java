package dev.khabar.training.corpus;

import dev.khabar.enrich.entities.tagger.TaggerModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
   * Hash bits of the shipped models: 2^22 buckets. ANERcorp cross-validation, micro F1 of the
   * second pass: 74.8 at 20 bits, 74.7 at 21, 75.0 at 22, 74.8 at 23 (±0.2 is fold noise); fewer
   * bits also turned «حسن» of «حسن الجوار» into a person and cut "Asad" off "Asad Majeed Khan".
   * Only features with weights are kept ({@link TaggerModel}), so a wide space costs little memory.
   */
  public static final int BITS = 22;

  /** Fixed epoch count, chosen by ANERcorp cross-validation. */
  public static final int EPOCHS = 15;

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

  /**
   * Tokens per document where a corpus has no document boundaries: ANERcorp's 150,286 tokens came
   * from 316 articles, about 475 tokens each.
   */
  public static final int DOCUMENT_TOKENS = 475;

  private TrainingSets() {}

  public static Map<String, List<Sentence>> arabic(Path data) throws IOException {
    Map<String, List<Sentence>> sets = new LinkedHashMap<>();
    sets.put(
        "anercorp",
        Corpus.read(data.resolve("ar/anercorp-camellab-train.txt"), Corpus.Format.ANERCORP));
    return sets;
  }

  /**
   * Consecutive sentences grouped into documents of about {@link #DOCUMENT_TOKENS} tokens, for
   * corpora that do not mark where one article ends and the next begins.
   */
  public static List<List<Sentence>> documents(List<Sentence> sentences) {
    List<List<Sentence>> documents = new ArrayList<>();
    int from = 0;
    int tokens = 0;
    for (int i = 0; i < sentences.size(); i++) {
      tokens += sentences.get(i).tokens().size();
      if (tokens >= DOCUMENT_TOKENS || i == sentences.size() - 1) {
        documents.add(List.copyOf(sentences.subList(from, i + 1)));
        from = i + 1;
        tokens = 0;
      }
    }
    return documents;
  }

  public static Map<String, List<Sentence>> english(Path data) throws IOException {
    Map<String, List<Sentence>> sets = new LinkedHashMap<>();
    sets.put("wikigold", Corpus.read(data.resolve("en/wikigold.conll"), Corpus.Format.CONLL));
    sets.put("btc", Corpus.read(data.resolve("en/btc.conll"), Corpus.Format.CONLL));
    sets.put("wnut17", Corpus.read(data.resolve("en/wnut17-train.conll"), Corpus.Format.WNUT));
    return sets;
  }
}
