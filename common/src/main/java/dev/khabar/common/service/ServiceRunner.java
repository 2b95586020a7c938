package dev.khabar.common.service;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service until the JVM is asked to stop (SIGTERM, Ctrl-C), then closes it: the service's
 * {@code close()} drains and commits. The main thread waits for the close to finish, so the JVM
 * exits only after it.
 */
public final class ServiceRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

  /** A service that starts its work in the background and stops it on close. */
  public interface Service extends AutoCloseable {
    void start();

    @Override
    void close();
  }

  private ServiceRunner() {}

  public static void runUntilStopped(String name, Service service) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("{} stopping", name);
                  long started = System.nanoTime();
                  service.close();
                  LOG.info("{} stopped in {} ms", name, (System.nanoTime() - started) / 1_000_000);
                  stopped.countDown();
                },
                "khabar-shutdown"));
    service.start();
    LOG.info("{} running", name);
    stopped.await();
  }
}
