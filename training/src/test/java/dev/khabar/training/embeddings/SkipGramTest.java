package dev.khabar.training.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkipGramTest {

  @TempDir Path dir;

  /**
   * Animals are fed and stroked, vehicles driven and parked: words of one kind share their
   * neighbours and nothing else.
   */
  private TextCorpus corpus() throws IOException {
    Random random = new Random(1);
    String[] animals = {"cat", "dog", "horse"};
    String[] vehicles = {"car", "bus", "truck"};
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("a.txt.gz")));
        PrintWriter w =
            new PrintWriter(new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8))) {
      for (int i = 0; i < 4000; i++) {
        String animal = animals[random.nextInt(3)];
        String vehicle = vehicles[random.nextInt(3)];
        w.println("she fed the " + animal + " and stroked the " + animal + " gently");
        w.println("he drove the " + vehicle + " and parked the " + vehicle + " outside");
      }
    }
    return TextCorpus.read(List.of(dir));
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int d = 0; d < a.length; d++) {
      s += a[d] * b[d];
    }
    return s;
  }

  @Test
  void wordsUsedAlikeGetCloserVectorsThanWordsUsedOtherwise() throws IOException {
    TextCorpus corpus = corpus();
    float[][] v =
        new SkipGram(new SkipGram.Settings(16, 3, 5, 3, 1e-3, 0.025f), 5).train(corpus, 14);
    int cat = corpus.words().indexOf("cat");
    int dog = corpus.words().indexOf("dog");
    int car = corpus.words().indexOf("car");
    int bus = corpus.words().indexOf("bus");
    assertTrue(dot(v[cat], v[dog]) > dot(v[cat], v[car]), "cat-dog vs cat-car");
    assertTrue(dot(v[car], v[bus]) > dot(v[bus], v[dog]), "car-bus vs bus-dog");
    assertEquals(1, dot(v[cat], v[cat]), 1e-5);
  }

  @Test
  void theSameTextAndSeedGiveTheSameVectors() throws IOException {
    TextCorpus corpus = corpus();
    SkipGram.Settings settings = new SkipGram.Settings(8, 2, 3, 1, 1e-3, 0.025f);
    float[][] a = new SkipGram(settings, 9).train(corpus, 14);
    float[][] b = new SkipGram(settings, 9).train(corpus, 14);
    for (int w = 0; w < a.length; w++) {
      assertArrayEquals(a[w], b[w]);
    }
  }

  @Test
  void countsHowOftenAWordIsCapitalisedInsideASentence() throws IOException {
    Files.writeString(dir.resolve("b.txt"), "unused");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("c.txt.gz")))) {
      o.write("Paris is big . Paris and Paris but the the The\n".getBytes(StandardCharsets.UTF_8));
    }
    TextCorpus corpus = TextCorpus.read(List.of(dir));
    int paris = corpus.words().indexOf("paris");
    int the = corpus.words().indexOf("the");
    // The first «Paris» starts the line and the second follows a full stop: only the third counts.
    assertEquals(1, corpus.formSeen()[paris]);
    assertEquals(1, corpus.writtenAsName()[paris]);
    assertEquals(3, corpus.formSeen()[the]);
    assertEquals(1, corpus.writtenAsName()[the]);
  }

  @Test
  void countsHowOftenAnArabicStemGoesWithoutTheArticle() throws IOException {
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("d.txt.gz")))) {
      o.write("قال عارف في جو ودي ، واللقاء الودي ، وعارف\n".getBytes(StandardCharsets.UTF_8));
    }
    TextCorpus corpus = TextCorpus.read(List.of(dir));
    int friendly = corpus.words().indexOf("الودي");
    int arif = corpus.words().indexOf("وعارف");
    // «ودي» and «الودي» share the stem «ودي»: seen twice, once without the article.
    assertEquals(2, corpus.formSeen()[friendly]);
    assertEquals(1, corpus.writtenAsName()[friendly]);
    // «عارف» and «وعارف» share «عارف», never with the article.
    assertEquals(2, corpus.formSeen()[arif]);
    assertEquals(2, corpus.writtenAsName()[arif]);
  }
}
