package dev.khabar.training.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSetsTest {

  private static Sentence sentence(int tokens) {
    return new Sentence(Collections.nCopies(tokens, "كلمة"), new int[tokens]);
  }

  @Test
  void documentsAreConsecutiveSentencesOfAboutAnArticlesLength() {
    List<Sentence> sentences = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sentences.add(sentence(30));
    }
    List<List<Sentence>> documents = TrainingSets.documents(sentences);
    List<Sentence> joined = new ArrayList<>();
    documents.forEach(joined::addAll);
    assertEquals(sentences, joined);
    for (List<Sentence> d : documents.subList(0, documents.size() - 1)) {
      int tokens = d.stream().mapToInt(s -> s.tokens().size()).sum();
      assertTrue(
          tokens >= TrainingSets.DOCUMENT_TOKENS && tokens < TrainingSets.DOCUMENT_TOKENS + 30,
          "document of " + tokens + " tokens");
    }
  }
}
