package dev.khabar.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's {@code main} in a JVM of its own, on this JVM's class path: for tests that kill a
 * service the way an operator or the kernel does (SIGKILL: no shutdown hook, no goodbye to Kafka),
 * which closing it in-process cannot show.
 *
 * <pre>{@code
 * try (ServiceProcess indexer = ServiceProcess.start(IndexerService.class, env, log)) {
 *   ...
 *   indexer.kill();
 * }
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private ServiceProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code mainClass} with {@code environment} added to this process's, writing its output
   * to {@code log}.
   */
  public static ServiceProcess start(Class<?> mainClass, Map<String, String> environment, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 23) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new ServiceProcess(builder.start(), log);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the service printed so far, for a failure message. */
  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(could not read " + log + ": " + e + ")";
    }
  }

  /** SIGKILL, as a crash or an out-of-memory killer would; waits until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, then waits up to 30 s for a clean stop, then SIGKILL. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
