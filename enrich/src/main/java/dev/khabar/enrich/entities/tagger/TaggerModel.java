package dev.khabar.enrich.entities.tagger;

import java.io.ByteArrayOutputStream;
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
 * measurable accuracy, and the many zero weights make the gzipped file small. Thread-safe
 * (immutable after construction).
 */
public final class TaggerModel {

  private static final int MAGIC = 0x4b4e4552; // "KNER"
  private static final int T = Tags.COUNT;

  static {
    if (T != 9) {
      throw new AssertionError("emissions() unrolls exactly 9 tags, Tags.COUNT is " + T);
    }
  }

  private final int bits;
  private final float scale;
  private final short[] weights;
  private final float[] transition;

  TaggerModel(int bits, float scale, short[] weights, float[] transition) {
    this.bits = bits;
    this.scale = scale;
    this.weights = weights;
    this.transition = transition;
  }

  /** Quantises trained float weights. */
  static TaggerModel quantise(int bits, float[] weights, float[] transition) {
    float max = 1e-9f;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    float scale = max / Short.MAX_VALUE;
    short[] q = new short[weights.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = (short) Math.round(weights[i] / scale);
    }
    float[] tr = new float[transition.length];
    for (int i = 0; i < tr.length; i++) {
      tr[i] = transition[i] / scale; // in the same units as the summed shorts
    }
    return new TaggerModel(bits, scale, q, tr);
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
    return new TaggerModel(bits, scale, weights, tr);
  }

  /** Emission units per 1.0 of trained weight: scores are sums of quantised shorts. */
  public float unit() {
    return 1 / scale;
  }

  /** Hash bits of the feature space; {@link Features} must be built with the same value. */
  public int bits() {
    return bits;
  }

  /** Best IOB2 tags given per-token scores, {@code emission[i * Tags.COUNT + tag]}. */
  public int[] decode(float[] emission, int n) {
    return Viterbi.decode(emission, n, transition);
  }

  /** Per-token tag scores, {@code [i * Tags.COUNT + tag]}, before transitions. */
  public float[] emissions(Features.Rows features) {
    int n = features.size();
    int[] ids = features.ids();
    int[] start = features.start();
    float[] emission = new float[n * T];
    for (int i = 0; i < n; i++) {
      // Nine named accumulators rather than an array: the JIT keeps them in registers.
      int a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
      for (int j = start[i]; j < start[i + 1]; j++) {
        int b = ids[j] * T;
        a0 += weights[b];
        a1 += weights[b + 1];
        a2 += weights[b + 2];
        a3 += weights[b + 3];
        a4 += weights[b + 4];
        a5 += weights[b + 5];
        a6 += weights[b + 6];
        a7 += weights[b + 7];
        a8 += weights[b + 8];
      }
      int o = i * T;
      emission[o] = a0;
      emission[o + 1] = a1;
      emission[o + 2] = a2;
      emission[o + 3] = a3;
      emission[o + 4] = a4;
      emission[o + 5] = a5;
      emission[o + 6] = a6;
      emission[o + 7] = a7;
      emission[o + 8] = a8;
    }
    return emission;
  }

  /** The quantised weights, {@code [feature * Tags.COUNT + tag]}; callers must not change them. */
  short[] weights() {
    return weights;
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
    d.writeInt(bits);
    d.writeInt(T);
    d.writeFloat(scale);
    for (float t : transition) {
      d.writeFloat(t);
    }
    ByteBuffer b = ByteBuffer.allocate(weights.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.asShortBuffer().put(weights);
    d.write(b.array());
    d.flush();
    gzip.finish();
  }

  /** Reads a classpath resource written by {@code train-ner}. */
  public static TaggerModel load(String resource) {
    try (InputStream in = TaggerModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing model resource " + resource
            + ": run train-ner to build it");
      }
      return read(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read model " + resource, e);
    }
  }

  public static TaggerModel read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(new GZIPInputStream(in, 1 << 16));
    if (d.readInt() != MAGIC) {
      throw new IOException("not a tagger model");
    }
    int version = d.readInt();
    if (version != Features.VERSION) {
      throw new IOException("model has feature version " + version + ", code expects "
          + Features.VERSION + ": retrain with train-ner");
    }
    int bits = d.readInt();
    if (d.readInt() != T) {
      throw new IOException("model has a different tag set");
    }
    float scale = d.readFloat();
    float[] transition = new float[(T + 1) * T];
    for (int i = 0; i < transition.length; i++) {
      transition[i] = d.readFloat();
    }
    byte[] raw = new byte[(T << bits) * 2];
    d.readFully(raw);
    short[] weights = new short[T << bits];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(weights);
    return new TaggerModel(bits, scale, weights, transition);
  }

  static byte[] toBytes(TaggerModel m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.write(out);
    return out.toByteArray();
  }
}
