package dev.khabar.training.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.tagger.Features;
import dev.khabar.enrich.entities.tagger.Tagger;
import dev.khabar.enrich.entities.tagger.TaggerModel;
import dev.khabar.enrich.entities.tagger.Tags;
import dev.khabar.training.corpus.Sentence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

  private static final int BITS = 16;
  private static final int T = Tags.COUNT;
  private final Gazetteer gazetteer = new Gazetteer();

  private static Sentence sentence(String tokens, String tags, boolean miscUnlabelled, int domain) {
    return new Sentence(
        List.of(tokens.split(" ")),
        Arrays.stream(tags.split(" ")).mapToInt(Tags::parse).toArray(),
        miscUnlabelled,
        domain);
  }

  private Trainer trainer() {
    return new Trainer(new Features(WordClusters.NONE, BITS), gazetteer, BITS, 5, 7);
  }

  private String tag(TaggerModel model, String tokens) {
    int[] tags = new Tagger(gazetteer, WordClusters.NONE, model).tag(List.of(tokens.split(" ")));
    return String.join(" ", Arrays.stream(tags).mapToObj(Tags::name).toList());
  }

  @Test
  void theLatentGoldKeepsTheAnnotatedNamesAndReadsUntaggedTokensAsOOrMisc() {
    Sentence s = sentence("Peter saw Hamlet", "B-PER O O", true, 0);
    float[] emission = new float[3 * T];
    emission[Tags.begin(3)] = 5; // the scores favour B-MISC everywhere
    emission[T + Tags.begin(3)] = 5;
    emission[2 * T + Tags.begin(3)] = 5;
    int[] gold = Trainer.latentGold(s, emission, new float[(T + 1) * T]);
    assertArrayEquals(new int[] {Tags.begin(0), Tags.begin(3), Tags.begin(3)}, gold);
  }

  @Test
  void learnsTheTrainingSentencesAndGivesTheSameBytesForTheSameSeed() throws IOException {
    List<Sentence> train = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      train.add(sentence("Peter lives in Paris", "B-PER O O B-LOC", false, 0));
      train.add(sentence("Maria works in Rome", "B-PER O O B-LOC", false, 0));
    }
    TaggerModel a = trainer().train(train);
    assertEquals("B-PER O O B-LOC", tag(a, "Peter lives in Paris"));
    assertArrayEquals(bytes(a), bytes(trainer().train(train)));
  }

  @Test
  void anAuxiliaryDomainsConventionStaysInItsOwnWeights() {
    List<Sentence> train = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      train.add(sentence("Acme said so", "B-ORG O O", false, 0));
      // An auxiliary corpus, twice the size, that calls the same company a person: only its own
      // weights learn that, where shared weights alone would follow the larger corpus.
      train.add(sentence("Acme said so", "B-PER O O", false, 1));
      train.add(sentence("Acme said so", "B-PER O O", false, 1));
    }
    assertEquals("B-ORG O O", tag(trainer().train(train), "Acme said so"));
  }

  private static byte[] bytes(TaggerModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    return out.toByteArray();
  }
}
