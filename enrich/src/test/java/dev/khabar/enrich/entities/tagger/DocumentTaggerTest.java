package dev.khabar.enrich.entities.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocumentTaggerTest {

  private static final int BITS = 10;
  private static final Gazetteer NO_NAMES = new Gazetteer();

  private static TaggerModel randomModel(Random random) {
    // Mostly zero, as trained models are: most features have no row in the shared table.
    float[] weights = new float[Tags.COUNT << BITS];
    for (int f = 0; f < 1 << BITS; f++) {
      if (random.nextInt(4) == 0) {
        for (int t = 0; t < Tags.COUNT; t++) {
          weights[f * Tags.COUNT + t] = (float) random.nextGaussian();
        }
      }
    }
    float[] transitions = new float[(Tags.COUNT + 1) * Tags.COUNT];
    for (int i = 0; i < transitions.length; i++) {
      transitions[i] = (float) random.nextGaussian();
    }
    return TaggerModel.quantise(BITS, weights, transitions);
  }

  /**
   * The two passes run apart, each model summing its own weights of all its features, none summed
   * ahead for known words; MISC from the first pass, the rest from the second.
   */
  private static List<int[]> apart(
      TaggerModel first, TaggerModel second, WordClusters clusters, List<List<String>> document) {
    Features features = new Features(clusters, BITS);
    List<Features.Rows> rows = new ArrayList<>();
    List<int[]> tags = new ArrayList<>();
    for (List<String> tokens : document) {
      Features.Rows r = features.extract(tokens, List.of());
      rows.add(r);
      tags.add(first.decode(first.emissions(r), r.size()));
    }
    DocumentMemory memory = new DocumentMemory(rows, tags);
    List<int[]> out = new ArrayList<>();
    for (int s = 0; s < document.size(); s++) {
      Features.Rows r = features.withEvidence(rows.get(s), memory.evidence(s));
      out.add(
          DocumentTagger.withFirstPassMisc(
              second.decode(second.emissions(r), r.size()), tags.get(s)));
    }
    return out;
  }

  @Test
  void theSharedTableKeepsARowForEachFeatureEitherPassWeighs() {
    Random random = new Random(3);
    TaggerModel first = randomModel(random);
    TaggerModel second = randomModel(random);
    int either = 0;
    for (int f = 0; f < 1 << BITS; f++) {
      either +=
          first.index().row(f) != FeatureIndex.NONE || second.index().row(f) != FeatureIndex.NONE
              ? 1
              : 0;
    }
    assertTrue(either > Math.max(first.features(), second.features()));
    assertTrue(either < 1 << BITS);
    assertEquals(either, new PairedWeights(first, second).size());
  }

  @Test
  void sharingOneWeightTableTagsExactlyAsTheTwoModelsApart() {
    assertTagsAsApart(WordClusters.NONE, new Random(7));
  }

  @Test
  void summingKnownWordsAheadTagsExactlyAsReadingEveryRow() throws IOException {
    // Known words (the clusters' frequent ones) get their own and their neighbour features
    // summed once; «أمس» and «إن» are known through their normal forms.
    WordClusters clusters = KnownWordsTest.clusters("وقال", "الرئيس", "ان", "في", "امس", "iran");
    assertTagsAsApart(clusters, new Random(11));
  }

  private static void assertTagsAsApart(WordClusters clusters, Random random) {
    TaggerModel first = randomModel(random);
    TaggerModel second = randomModel(random);
    List<String> words =
        List.of(
            "وقال", "الرئيس", "عارف", "إن", "طهران", "ومنظمة", "التعاون", "Iran", "said", "Khan",
            "the", "في", "أمس", "بوتين");
    List<List<String>> document = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      List<String> sentence = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(25); i < n; i++) {
        sentence.add(words.get(random.nextInt(words.size())));
      }
      document.add(sentence);
    }

    List<Tagger.Tagging> shared =
        new DocumentTagger(NO_NAMES, clusters, first, second).tag(document);

    List<int[]> expected = apart(first, second, clusters, document);
    assertEquals(document.size(), shared.size());
    Set<Integer> seen = new HashSet<>();
    for (int s = 0; s < document.size(); s++) {
      assertArrayEquals(expected.get(s), shared.get(s).tags(), "sentence " + s);
      for (int t : expected.get(s)) {
        seen.add(t);
      }
    }
    // Random weights give a mix of tags, so agreement is not two taggers agreeing on all-O.
    assertTrue(seen.size() >= 3, "tags seen: " + seen);
  }

  private static int[] tags(String... names) {
    return java.util.Arrays.stream(names).mapToInt(Tags::parse).toArray();
  }

  @Test
  void keepsTheSecondPassesNamesButTheFirstPassesMisc() {
    int[] second = tags("B-PER", "I-PER", "O", "B-MISC", "O", "B-LOC", "O");
    int[] first = tags("B-PER", "O", "B-MISC", "I-MISC", "O", "B-MISC", "B-MISC");
    assertArrayEquals(
        tags("B-PER", "I-PER", "B-MISC", "I-MISC", "O", "B-LOC", "B-MISC"),
        DocumentTagger.withFirstPassMisc(second, first));
  }
}
