package dev.khabar.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BuildersTest {

  @Test
  void kafkaRejectsANegativePort() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EmbeddedKafka.builder().port(-1));

    assertEquals("port must be 0 (any free port) or 1-65535, got -1", e.getMessage());
  }

  @Test
  void kafkaRejectsPropertiesItManages() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EmbeddedKafka.builder().brokerProperty("listeners", "PLAINTEXT://0.0.0.0:9092"));
  }

  @Test
  void kafkaHasNoAddressBeforeItsFirstStart() {
    assertThrows(
        IllegalStateException.class, () -> EmbeddedKafka.builder().build().bootstrapServers());
  }

  @Test
  void elasticsearchRejectsSettingsItManages() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EmbeddedElasticsearch.builder().setting("network.host", "0.0.0.0"));
  }

  @Test
  void elasticsearchRejectsAnUpperCaseClusterName() {
    assertThrows(
        IllegalArgumentException.class, () -> EmbeddedElasticsearch.builder().clusterName("News"));
  }

  @Test
  void elasticsearchHasNoUrlBeforeItsFirstStart() {
    assertThrows(
        IllegalStateException.class, () -> EmbeddedElasticsearch.builder().build().httpUrl());
  }

  @Test
  void siteNeedsARoot() {
    assertThrows(IllegalStateException.class, () -> StaticSite.builder().build());
  }
}
