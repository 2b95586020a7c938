package dev.khabar.enrich.stream;

import dev.khabar.common.contract.Json;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde for a contract record; a record that does not parse fails deserialization (and is
 * dead-lettered).
 */
final class JsonSerde {
  private JsonSerde() {}

  static <T> Serde<T> of(Class<T> type) {
    Serializer<T> serializer = (topic, value) -> value == null ? null : Json.toBytes(value);
    Deserializer<T> deserializer =
        (topic, bytes) -> bytes == null ? null : Json.fromBytes(bytes, type);
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
