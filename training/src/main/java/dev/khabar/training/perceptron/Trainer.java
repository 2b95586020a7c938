package dev.khabar.training.perceptron;

import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.tagger.Evidence;
import dev.khabar.enrich.entities.tagger.Features;
import dev.khabar.enrich.entities.tagger.TaggerModel;
import dev.khabar.enrich.entities.tagger.Tags;
import dev.khabar.enrich.entities.tagger.Viterbi;
import dev.khabar.training.corpus.Sentence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Averaged structured perceptron (Collins 2002): decode each sentence with the current weights and,
 * where the best sequence differs from the gold one, add the gold features and subtract the
 * predicted ones. The returned weights are averaged over all steps, which regularises much like
 * voting. Deterministic for a given seed and epoch count.
 */
public final class Trainer {

  private static final int T = Tags.COUNT;

  private final Features features;
  private final Gazetteer gazetteer;
  private final int bits;
  private final int epochs;
  private final long seed;

  public Trainer(Features features, Gazetteer gazetteer, int bits, int epochs, long seed) {
    this.features = features;
    this.gazetteer = gazetteer;
    this.bits = bits;
    this.epochs = epochs;
    this.seed = seed;
  }

  public TaggerModel train(List<Sentence> sentences) {
    return train(sentences, null);
  }

  /**
   * Trains a second-pass model: each sentence with the first pass's evidence about its document
   * ({@code null}: a first-pass model).
   */
  public TaggerModel train(List<Sentence> sentences, @Nullable List<Evidence> evidence) {
    List<Features.Rows> feats = new ArrayList<>(sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      List<String> tokens = sentences.get(s).tokens();
      Features.Rows rows = features.extract(tokens, gazetteer.findAll(tokens));
      feats.add(evidence == null ? rows : features.withEvidence(rows, evidence.get(s)));
    }
    float[] w = new float[T << bits];
    float[] wSum = new float[T << bits]; // sum of step * update, for lazy averaging
    // Auxiliary corpora's own copies of every feature (Daume 2007, "frustratingly easy domain
    // adaptation"): they take up what only that corpus does (its conventions, its genre), so the
    // shared weights, the only ones kept, learn what holds across corpora. Hashed into a table of
    // their own that is dropped after training.
    boolean domains = sentences.stream().anyMatch(s -> s.domain() != 0);
    float[] own = domains ? new float[T << bits] : new float[0];
    float[] tr = new float[(T + 1) * T];
    float[] trSum = new float[(T + 1) * T];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      order.add(i);
    }
    Random random = new Random(seed);
    int step = 1;
    for (int epoch = 0; epoch < epochs; epoch++) {
      Collections.shuffle(order, random);
      for (int idx : order) {
        Features.Rows f = feats.get(idx);
        int[] ids = f.ids();
        Sentence sentence = sentences.get(idx);
        int d = sentence.domain();
        float[] emission = emissions(f, w);
        if (d != 0) {
          addDomain(f, own, d, emission);
        }
        int[] pred = Viterbi.decode(emission, f.size(), tr);
        int[] gold =
            sentence.miscUnlabelled() ? latentGold(sentence, emission, tr) : sentence.tags();
        for (int i = 0; i < gold.length; i++) {
          if (pred[i] != gold[i]) {
            for (int j = f.start()[i]; j < f.start()[i + 1]; j++) {
              int x = ids[j];
              w[x * T + gold[i]] += 1;
              wSum[x * T + gold[i]] += step;
              w[x * T + pred[i]] -= 1;
              wSum[x * T + pred[i]] -= step;
              if (d != 0) {
                int y = inDomain(x, d);
                own[y * T + gold[i]] += 1;
                own[y * T + pred[i]] -= 1;
              }
            }
          }
          int gp = (i == 0 ? 0 : gold[i - 1] + 1) * T + gold[i];
          int pp = (i == 0 ? 0 : pred[i - 1] + 1) * T + pred[i];
          if (gp != pp) {
            tr[gp] += 1;
            trSum[gp] += step;
            tr[pp] -= 1;
            trSum[pp] -= step;
          }
        }
        step++;
      }
    }
    for (int i = 0; i < w.length; i++) {
      w[i] -= wSum[i] / step;
    }
    for (int i = 0; i < tr.length; i++) {
      tr[i] -= trSum[i] / step;
    }
    return TaggerModel.quantise(bits, w, tr);
  }

  private static final int B_MISC = Tags.begin(Tags.TYPES.indexOf("MISC"));
  private static final int I_MISC = Tags.inside(Tags.TYPES.indexOf("MISC"));

  /**
   * The gold tags of a sentence whose corpus leaves MISC names untagged: the best sequence under
   * the current weights that keeps every annotated name and reads each untagged token as O or as
   * part of a MISC name. Learning from it teaches the corpus's names without teaching that its
   * unannotated MISC names are not names (latent-variable perceptron, as in partial-annotation
   * learning).
   */
  static int[] latentGold(Sentence sentence, float[] emission, float[] tr) {
    int[] tags = sentence.tags();
    float[] allowed = emission.clone();
    for (int i = 0; i < tags.length; i++) {
      for (int t = 0; t < T; t++) {
        boolean ok = tags[i] == Tags.O ? t == Tags.O || t == B_MISC || t == I_MISC : t == tags[i];
        if (!ok) {
          allowed[i * T + t] = Float.NEGATIVE_INFINITY;
        }
      }
    }
    return Viterbi.decode(allowed, tags.length, tr);
  }

  /** The id of feature {@code x}'s copy for domain {@code d}. */
  private int inDomain(int x, int d) {
    int h = x * 0x9e3779b1 + d * 0x85ebca6b;
    h ^= h >>> 15;
    h *= 0x2c1b3c6d;
    h ^= h >>> 13;
    return h & ((1 << bits) - 1);
  }

  private void addDomain(Features.Rows f, float[] own, int d, float[] emission) {
    for (int i = 0; i < f.size(); i++) {
      for (int j = f.start()[i]; j < f.start()[i + 1]; j++) {
        int base = inDomain(f.ids()[j], d) * T;
        for (int t = 0; t < T; t++) {
          emission[i * T + t] += own[base + t];
        }
      }
    }
  }

  private static float[] emissions(Features.Rows f, float[] w) {
    int n = f.size();
    float[] emission = new float[n * T];
    for (int i = 0; i < n; i++) {
      for (int j = f.start()[i]; j < f.start()[i + 1]; j++) {
        int base = f.ids()[j] * T;
        for (int t = 0; t < T; t++) {
          emission[i * T + t] += w[base + t];
        }
      }
    }
    return emission;
  }
}
