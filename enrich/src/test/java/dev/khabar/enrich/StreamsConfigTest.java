package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.common.service.Env;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsConfigTest {
  @Test
  void theInstanceIdIsTheStaticMembershipOfTheStreamsConsumers() {
    Properties properties =
        EnrichService.streamsConfig(
            EnrichConfig.fromEnv(new Env(Map.of("KHABAR_INSTANCE_ID", "enrich-7"))));

    assertEquals("khabar-enrich-enrich-7", properties.get("consumer.group.instance.id"));
  }

  @Test
  void standbyReplicasAreNoneUnlessAsked() {
    assertEquals(
        0,
        EnrichService.streamsConfig(EnrichConfig.fromEnv(new Env(Map.of())))
            .get("num.standby.replicas"));
    assertEquals(
        1,
        EnrichService.streamsConfig(
                EnrichConfig.fromEnv(new Env(Map.of("KHABAR_ENRICH_STANDBY_REPLICAS", "1"))))
            .get("num.standby.replicas"));
  }
}
