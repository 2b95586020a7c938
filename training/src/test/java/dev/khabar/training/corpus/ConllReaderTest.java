package dev.khabar.training.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.enrich.entities.tagger.Tags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllReaderTest {

  @TempDir Path dir;

  private List<List<Sentence>> read(String text, TagMap map) throws IOException {
    Path file = dir.resolve("corpus.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return ConllReader.read(file, map, false);
  }

  private static List<String> tags(Sentence s) {
    return Arrays.stream(s.tags()).mapToObj(Tags::name).toList();
  }

  @Test
  void docstartLinesAndDoubleBlankLinesEndDocuments() throws IOException {
    List<List<Sentence>> docs =
        read(
            "-DOCSTART- O\n\nEU B-ORG\nrejects O\n\nPeter B-PER\n\n-DOCSTART- O\n\n"
                + "Paris B-LOC\n\n\nRome B-LOC\n",
            TagMap.CONLL);
    assertEquals(3, docs.size());
    assertEquals(2, docs.get(0).size());
    assertEquals(List.of("Paris"), docs.get(1).get(0).tokens());
    assertEquals(List.of("Rome"), docs.get(2).get(0).tokens());
  }

  @Test
  void readsTheTagInTheLastColumnAndIoTagsAsIob2() throws IOException {
    Sentence s =
        read("New NNP I-LOC\nYork NNP I-LOC\nis VBZ O\nbig JJ O\n", TagMap.CONLL).get(0).get(0);
    assertEquals(List.of("New", "York", "is", "big"), s.tokens());
    assertEquals(List.of("B-LOC", "I-LOC", "O", "O"), tags(s));
  }

  @Test
  void mapsEachCorpussTypes() throws IOException {
    Sentence s = read("عارف\tB-PERS\nقال\tO\n", TagMap.ANERCORP).get(0).get(0);
    assertEquals(List.of("B-PER", "O"), tags(s));
    Sentence w = read("Nike B-corporation\nAir B-product\n", TagMap.WNUT).get(0).get(0);
    assertEquals(List.of("B-ORG", "B-MISC"), tags(w));
  }

  @Test
  void refusesATypeTheMapDoesNotKnow() {
    assertThrows(IllegalArgumentException.class, () -> read("x B-GPE\n", TagMap.CONLL));
  }

  @Test
  void cutsAFileWithoutMarkedDocumentsIntoArticleSizedOnes() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < 100; s++) {
      text.append("كلمة O\n".repeat(30)).append('\n');
    }
    List<List<Sentence>> docs = read(text.toString(), TagMap.CONLL);
    assertEquals(7, docs.size()); // 3,000 tokens in documents of 16 sentences (480 tokens)
  }

  private static Sentence sentence(int tokens) {
    return new Sentence(Collections.nCopies(tokens, "كلمة"), new int[tokens]);
  }

  @Test
  void documentsAreConsecutiveSentencesOfAboutAnArticlesLength() {
    List<Sentence> sentences = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sentences.add(sentence(30));
    }
    List<List<Sentence>> documents = ConllReader.documents(sentences);
    List<Sentence> joined = new ArrayList<>();
    documents.forEach(joined::addAll);
    assertEquals(sentences, joined);
    for (List<Sentence> d : documents.subList(0, documents.size() - 1)) {
      int tokens = d.stream().mapToInt(s -> s.tokens().size()).sum();
      assertTrue(
          tokens >= ConllReader.DOCUMENT_TOKENS && tokens < ConllReader.DOCUMENT_TOKENS + 30,
          "document of " + tokens + " tokens");
    }
  }
}
