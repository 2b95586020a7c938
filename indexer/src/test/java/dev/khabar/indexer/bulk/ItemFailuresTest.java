package dev.khabar.indexer.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ItemFailuresTest {
  @Test
  void versionConflictMeansTheIndexIsAlreadyNewer() {
    assertEquals(
        ItemFailures.Action.ALREADY_NEWER,
        ItemFailures.classify(409, "version_conflict_engine_exception"));
  }

  @Test
  void overloadIsRetried() {
    assertEquals(
        ItemFailures.Action.RETRY, ItemFailures.classify(429, "es_rejected_execution_exception"));
    assertEquals(
        ItemFailures.Action.RETRY, ItemFailures.classify(503, "unavailable_shards_exception"));
  }

  @Test
  void mappingErrorsAreDeadLettered() {
    assertEquals(
        ItemFailures.Action.DEAD_LETTER, ItemFailures.classify(400, "document_parsing_exception"));
    assertEquals(
        ItemFailures.Action.DEAD_LETTER,
        ItemFailures.classify(400, "strict_dynamic_mapping_exception"));
  }
}
