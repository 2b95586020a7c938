package dev.khabar.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.service.Env;
import dev.khabar.common.service.KnownVariables;
import dev.khabar.enrich.EnrichConfig;
import dev.khabar.indexer.IndexerConfig;
import dev.khabar.ingest.IngestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The variables the services read, the ones they accept and the ones README.md documents agree. */
class ConfigurationVariablesTest {

  @Test
  void theKnownNamesAreExactlyThoseReadmeDocuments() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("`(KHABAR_[A-Z0-9_]+)`").matcher(readme);
    while (m.find()) {
      documented.add(m.group(1));
    }
    documented.remove("KHABAR_INGEST_ALLOW_LOOPBACK"); // named only as gone

    assertEquals(documented, new TreeSet<>(KnownVariables.NAMES));
  }

  /** A service's configuration read from an environment. */
  private interface Configuration {
    void read(Env env) throws Exception;
  }

  @Test
  void everyServiceReadsOnlyKnownNames() throws Exception {
    Map<String, Configuration> services =
        Map.of(
            "ingest", IngestConfig::fromEnv,
            "enrich", EnrichConfig::fromEnv,
            "indexer", IndexerConfig::fromEnv);
    for (Map.Entry<String, Configuration> service : services.entrySet()) {
      String name = service.getKey();
      Env env = new Env(Map.of());
      service.getValue().read(env);
      Set<String> unknown = new TreeSet<>(env.namesRead());
      unknown.removeIf(n -> !n.startsWith("KHABAR_")); // HOSTNAME, the instance id's default
      unknown.removeAll(KnownVariables.NAMES);
      unknown.remove("KHABAR_INGEST_ALLOW_LOOPBACK"); // read only to refuse it with a hint
      assertTrue(unknown.isEmpty(), name + " reads " + unknown);
      assertTrue(env.namesRead().size() > 5, name + " reads " + env.namesRead());
    }
  }
}
