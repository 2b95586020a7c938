package dev.khabar.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.GazetteerEntry;
import dev.khabar.enrich.entities.gazetteer.Source;
import dev.khabar.enrich.entities.tagger.Span;
import dev.khabar.enrich.entities.tagger.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionFinderTest {

  @Test
  void aDefiniteEpithetIsNoGivenName() {
    assertFalse(MentionFinder.mayBeGivenName("الأول"));
  }

  @Test
  void anIndefiniteNameIsAGivenName() {
    assertTrue(MentionFinder.mayBeGivenName("أسد"));
  }

  private static final GazetteerEntry ECO =
      new GazetteerEntry("wikidata:Q11243", Source.ORGANISATION, "ECO", "منظمة التعاون الاقتصادي");
  private static final GazetteerEntry GIVEN =
      new GazetteerEntry("name:x", Source.GIVEN_NAME, "x", "x");
  private static final int ORG = Tags.TYPES.indexOf("ORG");
  private static final int PER = Tags.TYPES.indexOf("PER");

  @Test
  void aSpanInsideAListedNameOfItsTypeIsWidenedToTheName() {
    List<Gazetteer.Match> names = List.of(new Gazetteer.Match(2, 5, ECO));

    assertEquals(
        List.of(new Span(2, 5, ORG)), MentionFinder.widened(List.of(new Span(2, 4, ORG)), names));
    assertEquals(
        List.of(new Span(2, 5, ORG)), MentionFinder.widened(List.of(new Span(3, 5, ORG)), names));
  }

  @Test
  void onlyOrganisationsAreWidenedAndNeverOverAnotherSpan() {
    List<Gazetteer.Match> names = List.of(new Gazetteer.Match(2, 5, ECO));

    assertEquals(
        List.of(new Span(2, 4, PER)), MentionFinder.widened(List.of(new Span(2, 4, PER)), names));
    List<Span> two = List.of(new Span(2, 3, ORG), new Span(4, 5, ORG));
    assertEquals(two, MentionFinder.widened(two, names));
  }

  @Test
  void givenNamesWidenNothing() {
    List<Span> spans = List.of(new Span(1, 2, PER));
    assertEquals(spans, MentionFinder.widened(spans, List.of(new Gazetteer.Match(0, 2, GIVEN))));
  }
}
