package dev.khabar.enrich.entities.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.Gazetteers;
import dev.khabar.enrich.entities.text.Normalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class KnownWordsTest {

  private static final int BITS = 22;

  /** Clusters listing {@code words}, most frequent first, each in a cluster of its own. */
  static WordClusters clusters(String... words) throws IOException {
    StringBuilder lines = new StringBuilder("# test vocabulary\n");
    for (int i = 0; i < words.length; i++) {
      lines
          .append(words[i])
          .append('\t')
          .append(i % 16)
          .append('.')
          .append(i % 7)
          .append('.')
          .append(i)
          .append('\n');
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    return WordClusters.read(new ByteArrayInputStream(bytes.toByteArray()), Features::hash);
  }

  private static TaggerModel someModel() {
    float[] weights = new float[Tags.COUNT << 10];
    Random random = new Random(5);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextInt(3) == 0 ? (float) random.nextGaussian() : 0;
    }
    return TaggerModel.quantise(10, weights, new float[(Tags.COUNT + 1) * Tags.COUNT]);
  }

  @Test
  void aKnownWordIsFoundByItsNormalFormOnly() throws IOException {
    Features features = new Features(clusters("امس", "في"), 10);
    PairedWeights weights = new PairedWeights(someModel(), someModel());
    KnownWords known = KnownWords.of(List.of("امس", "في", "أمس"), features, weights);

    // «أمس» is not a normal form, so it is not listed; tokens reach «امس» through normalising.
    assertEquals(2, known.size());
    assertEquals(0, known.id("امس", Features.hash("امس")));
    assertEquals(1, known.id("في", Features.hash("في")));
    assertEquals(KnownWords.NONE, known.id("من", Features.hash("من")));
    assertEquals(KnownWords.NONE, KnownWords.EMPTY.id("في", Features.hash("في")));
  }

  @Test
  void theFeaturesLeftOutForKnownWordsAreExactlyTheirOwnAndThoseTheyGiveTheirNeighbours()
      throws IOException {
    WordClusters clusters = clusters("وقال", "الرييس", "ان", "في", "امس", "the", "iran");
    Features features = new Features(clusters, BITS);
    KnownWords known =
        KnownWords.of(
            clusters.frequentWords(), features, new PairedWeights(someModel22(), someModel22()));
    Gazetteer gazetteer = Gazetteers.shipped();
    List<String> tokens =
        List.of(
            "وقال",
            "الرئيس",
            "الإيراني",
            "محمد",
            "رضا",
            "عارف",
            "أمس",
            "في",
            "طهران",
            "إن",
            "منظمة",
            "التعاون",
            "الاقتصادي",
            "the",
            "Iran",
            "في");

    Features.Rows all = features.extract(tokens, gazetteer.findAll(tokens));
    Features.Rows partial = features.extract(tokens, gazetteer.findAll(tokens), known);

    int knownTokens = 0;
    int spelledAsListed = 0;
    for (int i = 0; i < tokens.size(); i++) {
      List<Integer> expected = slice(all, i);
      List<Integer> rebuilt = new ArrayList<>(slice(partial, i));
      int code = partial.known()[i];
      if (code != KnownWords.NONE) {
        knownTokens++;
        int[][] alone = features.decidedAlone(Normalizer.normalize(tokens.get(i))).features();
        add(rebuilt, alone[0]);
        if (KnownWords.spelledAsListed(code)) {
          spelledAsListed++;
          add(rebuilt, alone[1]);
        }
      }
      for (int r = 0; r < Features.NEIGHBOURS.length; r++) {
        int j = i + Features.NEIGHBOURS[r];
        if (j >= 0 && j < tokens.size() && partial.known()[j] != KnownWords.NONE) {
          add(
              rebuilt,
              features.decidedAlone(Normalizer.normalize(tokens.get(j))).features()[2 + r]);
        }
      }
      rebuilt.sort(null);
      assertEquals(expected, rebuilt, "token " + i + " " + tokens.get(i));
    }
    // «وقال», «الرئيس», «أمس», «في» ×2, «إن», «the», «Iran»; the names are not known. «الرئيس»,
    // «أمس», «إن» and «Iran» are listed in their normal forms, not as spelled.
    assertEquals(8, knownTokens);
    assertEquals(4, spelledAsListed);
    assertEquals(KnownWords.NONE, partial.known()[5]);
    assertNotEquals(KnownWords.NONE, partial.known()[6]);
  }

  private static TaggerModel someModel22() {
    return TaggerModel.quantise(
        BITS, new float[Tags.COUNT << BITS], new float[(Tags.COUNT + 1) * Tags.COUNT]);
  }

  private static List<Integer> slice(Features.Rows rows, int token) {
    List<Integer> ids = new ArrayList<>();
    add(ids, Arrays.copyOfRange(rows.ids(), rows.start()[token], rows.start()[token + 1]));
    ids.sort(null);
    return ids;
  }

  private static void add(List<Integer> into, int[] ids) {
    for (int id : ids) {
      into.add(id);
    }
  }
}
