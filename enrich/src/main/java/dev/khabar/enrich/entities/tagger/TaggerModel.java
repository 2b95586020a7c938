package dev.khabar.enrich.entities.tagger;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Trained weights of the tagger: one 16-bit weight per (hashed feature, tag) and per tag
 * transition, sharing one scale. Quantising to shorts halves memory against floats and costs no
 * measurable accuracy. Only features with a non-zero weight keep a row ({@link FeatureIndex}), in
 * memory and on disk, so a wide hash space (fewer collisions) costs little of either. Thread-safe
 * (immutable after construction).
 */
public final class TaggerModel {

  /** "KNR2": sparse rows; the dense layout before it is refused. */
  private static final int MAGIC = 0x4b4e5232;

  private static final int T = Tags.COUNT;

  private final FeatureIndex index;
  private final float scale;
  private final short[] rows;
  private final float[] transition;

  private TaggerModel(FeatureIndex index, float scale, short[] rows, float[] transition) {
    if (rows.length != index.size() * T) {
      throw new IllegalArgumentException(rows.length + " weights for " + index.size() + " rows");
    }
    this.index = index;
    this.scale = scale;
    this.rows = rows;
    this.transition = transition;
  }

  /** Quantises trained float weights, {@code weights[feature * Tags.COUNT + tag]}. */
  public static TaggerModel quantise(int bits, float[] weights, float[] transition) {
    if (weights.length != T << bits) {
      throw new IllegalArgumentException(weights.length + " weights for " + bits + " bits");
    }
    float max = 1e-9f;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    float scale = max / Short.MAX_VALUE;
    short[] q = new short[weights.length];
    long[] used = new long[FeatureIndex.words(bits)];
    int count = 0;
    for (int i = 0; i < q.length; i++) {
      q[i] = (short) Math.round(weights[i] / scale);
      int f = i / T;
      if (q[i] != 0 && (used[f >>> 6] & 1L << f) == 0) {
        used[f >>> 6] |= 1L << f;
        count++;
      }
    }
    short[] rows = new short[count * T];
    int r = 0;
    for (int f = 0; f < 1 << bits; f++) {
      if ((used[f >>> 6] & 1L << f) != 0) {
        System.arraycopy(q, f * T, rows, r, T);
        r += T;
      }
    }
    float[] tr = new float[transition.length];
    for (int i = 0; i < tr.length; i++) {
      tr[i] = transition[i] / scale; // in the same units as the summed shorts
    }
    return new TaggerModel(new FeatureIndex(bits, used), scale, rows, tr);
  }

  /**
   * This model with {@code penalty} (in trained-weight units) taken off every transition into
   * {@code O}: a bias against the outside tag that trades precision for recall at no cost per
   * token.
   */
  public TaggerModel withOutsidePenalty(float penalty) {
    float[] tr = transition.clone();
    for (int p = 0; p <= T; p++) {
      tr[p * T + Tags.O] -= penalty / scale;
    }
    return new TaggerModel(index, scale, rows, tr);
  }

  /** Emission units per 1.0 of trained weight: scores are sums of quantised shorts. */
  public float unit() {
    return 1 / scale;
  }

  /** Hash bits of the feature space; {@link Features} must be built with the same value. */
  public int bits() {
    return index.bits();
  }

  /** Features with a non-zero weight. */
  public int features() {
    return index.size();
  }

  /** Best IOB2 tags given per-token scores, {@code emission[i * Tags.COUNT + tag]}. */
  public int[] decode(float[] emission, int n) {
    return Viterbi.decode(emission, n, transition);
  }

  /** Per-token tag scores, {@code [i * Tags.COUNT + tag]}, before transitions. */
  public float[] emissions(Features.Rows features) {
    float[] emission = new float[features.size() * T];
    Emissions.add(rows, Emissions.find(index, T, features), 0, emission);
    return emission;
  }

  FeatureIndex index() {
    return index;
  }

  /** {@code [row * Tags.COUNT + tag]}, rows as {@link #index} numbers them; must not change. */
  short[] rows() {
    return rows;
  }

  /** Transition scores in emission units, {@code [(previous + 1) * Tags.COUNT + tag]}. */
  float[] transitions() {
    return transition;
  }

  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
    DataOutputStream d = new DataOutputStream(gzip);
    d.writeInt(MAGIC);
    d.writeInt(Features.VERSION);
    d.writeInt(bits());
    d.writeInt(T);
    d.writeFloat(scale);
    for (float t : transition) {
      d.writeFloat(t);
    }
    long[] words = index.words();
    ByteBuffer b =
        ByteBuffer.allocate(words.length * 8 + rows.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(words);
    b.position(words.length * 8);
    b.asShortBuffer().put(rows);
    d.write(b.array());
    d.flush();
    gzip.finish();
  }

  /** Reads a classpath resource written by {@code train-ner}. */
  public static TaggerModel load(String resource) {
    try (InputStream in = TaggerModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing model resource " + resource + ": run train-ner to build it");
      }
      return read(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read model " + resource, e);
    }
  }

  public static TaggerModel read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(new GZIPInputStream(in, 1 << 16));
    if (d.readInt() != MAGIC) {
      throw new IOException("not a tagger model of this format: retrain with train-ner");
    }
    int version = d.readInt();
    if (version != Features.VERSION) {
      throw new IOException(
          "model has feature version "
              + version
              + ", code expects "
              + Features.VERSION
              + ": retrain with train-ner");
    }
    int bits = d.readInt();
    if (bits < 1 || bits > 26) {
      throw new IOException("model has " + bits + " hash bits");
    }
    if (d.readInt() != T) {
      throw new IOException("model has a different tag set");
    }
    float scale = d.readFloat();
    float[] transition = new float[(T + 1) * T];
    for (int i = 0; i < transition.length; i++) {
      transition[i] = d.readFloat();
    }
    byte[] raw = new byte[FeatureIndex.words(bits) * 8];
    d.readFully(raw);
    long[] words = new long[FeatureIndex.words(bits)];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(words);
    FeatureIndex index = new FeatureIndex(bits, words);
    raw = new byte[index.size() * T * 2];
    d.readFully(raw);
    short[] rows = new short[index.size() * T];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(rows);
    return new TaggerModel(index, scale, rows, transition);
  }
}
