package dev.khabar.common.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every service image must be, checked on the image the build puts in {@code
 * target/jib-check.tar}: the same container as {@code mvn -Pimages package} builds, on an empty
 * base instead of the JRE image (which only a registry can give). A service module runs these tests
 * by extending this class; the build passes the service's name, main class, port and version as
 * system properties.
 */
public abstract class ServiceImageContract {
  private static final String USER = "10001:10001";

  private static ContainerImage image;
  private static String service;
  private static String version;

  @BeforeAll
  static void readImage() throws IOException {
    service = property("khabar.service.name");
    version = property("khabar.version");
    Path tarball = Path.of("target", "jib-check.tar");
    assertTrue(
        Files.isRegularFile(tarball),
        tarball.toAbsolutePath() + " missing: the build makes it before integration tests");
    image = ContainerImage.read(tarball);
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertNotNull(value, "system property " + name);
    return value;
  }

  private static JsonNode container() {
    return image.config().get("config");
  }

  @Test
  void tarballLoadsAsTheServiceImageOfThisVersion() {
    assertEquals(1, image.manifest().size());
    JsonNode entry = image.manifest().get(0);
    assertEquals("khabar/" + service + ":" + version, entry.get("RepoTags").get(0).asText());
    // docker load checks each layer against the config's diff ids.
    List<String> declared = new ArrayList<>();
    image.config().get("rootfs").get("diff_ids").forEach(id -> declared.add(id.asText()));
    assertEquals(declared, image.layerDiffIds());
    for (JsonNode layer : entry.get("Layers")) {
      String name = layer.asText();
      assertEquals(
          name.replace(".tar.gz", ""), image.blobSha256().get(name), "digest of layer " + name);
    }
    assertEquals(
        version, container().get("Labels").get("org.opencontainers.image.version").asText());
    assertEquals(
        "khabar-" + service,
        container().get("Labels").get("org.opencontainers.image.title").asText());
  }

  @Test
  void runsTheServiceAsNonRootWithAHeapThatFollowsTheContainerLimit() {
    assertEquals(USER, container().get("User").asText());
    List<String> entrypoint = new ArrayList<>();
    container().get("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
    assertEquals("java", entrypoint.getFirst());
    assertTrue(
        entrypoint.contains("-XX:MaxRAMPercentage=" + property("khabar.service.heapPercent")),
        entrypoint.toString());
    assertTrue(entrypoint.contains("-XX:+UseTransparentHugePages"), entrypoint.toString());
    assertTrue(entrypoint.contains("-XX:+ExitOnOutOfMemoryError"), entrypoint.toString());
    assertEquals(property("khabar.service.mainClass"), entrypoint.getLast());
    String port = property("khabar.service.port");
    assertTrue(
        container().get("ExposedPorts").has(port + "/tcp"),
        container().get("ExposedPorts").toString());
    Map<String, String> env = environment();
    assertEquals("0.0.0.0", env.get("KHABAR_HTTP_HOST"), "listens beyond the container's loopback");
    assertEquals(port, env.get("KHABAR_HTTP_PORT"));
  }

  @Test
  void carriesTheWholeClasspathAndTheMainClass() throws IOException {
    ContainerImage.FileEntry classpathFile = image.files().get("/app/jib-classpath-file");
    assertNotNull(classpathFile, "/app/jib-classpath-file");
    List<String> classpath =
        Arrays.asList(
            new String(classpathFile.content(), StandardCharsets.UTF_8).trim().split(":"));
    for (String element : classpath) {
      assertTrue(
          image.files().containsKey(element), "classpath element " + element + " is in the image");
    }
    String mainClass = property("khabar.service.mainClass");
    assertTrue(image.files().containsKey("/app/classes/" + mainClass.replace('.', '/') + ".class"));
    // Every runtime dependency the service jar runs with (target/lib) is in the image; Khabar's
    // own modules may be named without their version there.
    List<String> inImage = classpath.stream().map(ServiceImageContract::withoutOwnVersion).toList();
    try (Stream<Path> libs = Files.list(Path.of("target", "lib"))) {
      List<String> missing =
          libs.map(lib -> withoutOwnVersion("/app/libs/" + lib.getFileName()))
              .filter(lib -> !inImage.contains(lib))
              .toList();
      assertEquals(List.of(), missing);
    }
  }

  @Test
  void onlyItsVolumesAreWritableByTheServiceUser() {
    List<String> volumes = new ArrayList<>();
    container().get("Volumes").fieldNames().forEachRemaining(volumes::add);
    for (ContainerImage.FileEntry file : image.files().values()) {
      boolean volume = volumes.contains(file.path());
      assertEquals(0, file.uid(), file.path() + " owned by root");
      if (volume) {
        assertTrue(file.directory(), file.path());
        assertEquals(
            0777,
            file.mode(),
            file.path() + " writable by the service user, as a new volume copies it");
      } else {
        assertFalse(
            (file.mode() & 0022) != 0,
            file.path() + " is writable by others: " + Integer.toOctalString(file.mode()));
      }
    }
    for (String volume : volumes) {
      assertTrue(image.files().containsKey(volume), "volume " + volume + " exists in the image");
      assertTrue(
          environment().containsValue(volume),
          "volume " + volume + " is where the service is told to write");
    }
  }

  private static String withoutOwnVersion(String jar) {
    return jar.replace("-" + version + ".jar", ".jar");
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    container()
        .get("Env")
        .forEach(
            line -> {
              String[] parts = line.asText().split("=", 2);
              env.put(parts[0], parts[1]);
            });
    return env;
  }
}
