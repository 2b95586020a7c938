package dev.khabar.common.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract examples of README.md ("Event contracts"), where topic records are written down
 * once: each service's tests read them from there, so the README and the code cannot drift apart.
 */
public final class ReadmeContract {
  private ReadmeContract() {}

  /** The JSON block that follows {@code <!-- contract:NAME -->} in the project's README.md. */
  public static String example(String name) {
    String readme = readme();
    Matcher block =
        Pattern.compile(
                "<!-- contract:" + Pattern.quote(name) + " -->\\s*```json\\n(.*?)\\n```",
                Pattern.DOTALL)
            .matcher(readme);
    if (!block.find()) {
      throw new AssertionError("README.md has no example for contract " + name);
    }
    return block.group(1);
  }

  /** The top-level field names of a JSON object. */
  public static Set<String> fieldNames(String json) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      Set<String> names = new TreeSet<>();
      node.properties().forEach(entry -> names.add(entry.getKey()));
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readme() {
    // Tests run in a module directory; README.md is at the project root above it.
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path readme = dir.resolve("README.md");
      if (Files.exists(readme) && Files.exists(dir.resolve("khabar"))) {
        try {
          return Files.readString(readme);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new AssertionError(
        "README.md of the project not found above " + Path.of("").toAbsolutePath());
  }
}
