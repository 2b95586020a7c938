package dev.khabar.common.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a service reaches Kafka: bootstrap servers and, for secured clusters, the security protocol
 * and SASL settings. {@link #toString()} never shows the JAAS config, which holds the password.
 */
public record KafkaSettings(
    String bootstrapServers,
    String securityProtocol,
    Optional<String> saslMechanism,
    Optional<String> saslJaasConfig) {

  public static KafkaSettings fromEnv(Env env) {
    return new KafkaSettings(
        env.string("KHABAR_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
        env.string("KHABAR_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"),
        env.optional("KHABAR_KAFKA_SASL_MECHANISM"),
        env.optional("KHABAR_KAFKA_SASL_JAAS_CONFIG"));
  }

  public static KafkaSettings plaintext(String bootstrapServers) {
    return new KafkaSettings(bootstrapServers, "PLAINTEXT", Optional.empty(), Optional.empty());
  }

  /** The client properties common to producers, consumers, admin and Streams. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("bootstrap.servers", bootstrapServers);
    properties.put("security.protocol", securityProtocol);
    saslMechanism.ifPresent(mechanism -> properties.put("sasl.mechanism", mechanism));
    saslJaasConfig.ifPresent(jaas -> properties.put("sasl.jaas.config", jaas));
    return properties;
  }

  @Override
  public String toString() {
    return "KafkaSettings[bootstrapServers="
        + bootstrapServers
        + ", securityProtocol="
        + securityProtocol
        + ", saslMechanism="
        + saslMechanism.orElse("none")
        + ", saslJaasConfig="
        + (saslJaasConfig.isPresent() ? "(set)" : "none")
        + "]";
  }
}
