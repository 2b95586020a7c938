package dev.khabar.training.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.enrich.entities.tagger.Tags;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HarmonisationTest {

  private static Sentence sentence(String tokens, String tags) {
    return new Sentence(
        List.of(tokens.split(" ")), Arrays.stream(tags.split(" ")).mapToInt(Tags::parse).toArray());
  }

  private static String tags(Sentence s) {
    return String.join(" ", Arrays.stream(s.tags()).mapToObj(Tags::name).toList());
  }

  @Test
  void cliticsAreJoinedOntoTheirWordsWithTheWordsTag() {
    Sentence s = CliticJoiner.join(sentence("و طهران عاصمة ها", "O B-LOC O O"));
    assertEquals(List.of("وطهران", "عاصمةها"), s.tokens());
    assertEquals("B-LOC O", tags(s));
  }

  @Test
  void aProcliticInsideANameStaysInside() {
    Sentence s = CliticJoiner.join(sentence("وزارة التربية و التعليم", "B-ORG I-ORG I-ORG I-ORG"));
    assertEquals(List.of("وزارة", "التربية", "والتعليم"), s.tokens());
    assertEquals("B-ORG I-ORG I-ORG", tags(s));
  }

  @Test
  void demonymsBecomeMiscUnlessInsideALongerName() {
    Demonyms demonyms = new Demonyms(Set.of("Syrian", "American"));
    Sentence s =
        demonyms.asMisc(
            sentence(
                "Syrian troops met American Airlines and American staff",
                "O O O B-ORG I-ORG O B-LOC O"));
    assertEquals("B-MISC O O B-ORG I-ORG O B-MISC O", tags(s));
  }

  @Test
  void capitalsCopyEveryTenthSentence() {
    Sentence s = sentence("Peter went to Paris", "B-PER O O B-LOC");
    List<List<Sentence>> docs = List.of(java.util.Collections.nCopies(20, s));
    List<Sentence> out = Capitals.augment(docs).get(0);
    assertEquals(22, out.size());
    assertEquals(List.of("PETER", "WENT", "TO", "PARIS"), out.get(10).tokens());
    assertEquals("B-PER O O B-LOC", tags(out.get(10)));
  }
}
