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

  /** Emission units per 1.0 of trained weight: scores are sums of quantised shorts. */
  public float unit() {
    return 1 / scale;
  }

  /** Hash bits of the feature space; {@link Features} must be built with the same value. */
  public int bits() {
    return bits;
  }

  /** Best IOB2 tags for a sentence's features. */
  public int[] tag(int[][] features) {
    return Viterbi.decode(emissions(features), features.length, transition);
  }

  /** Best IOB2 tags given per-token scores, {@code emission[i * Tags.COUNT + tag]}. */
  public int[] decode(float[] emission, int n) {
    return Viterbi.decode(emission, n, transition);
  }

  /** Per-token tag scores, {@code [i * Tags.COUNT + tag]}, before transitions. */
  public float[] emissions(int[][] features) {
    int n = features.length;
    float[] emission = new float[n * T];
    int[] acc = new int[T];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(acc, 0);
      for (int f : features[i]) {
        int base = f * T;
        for (int t = 0; t < T; t++) {
          acc[t] += weights[base + t];
        }
      }
      for (int t = 0; t < T; t++) {
        emission[i * T + t] = acc[t];
      }
    }
    return emission;
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
