package dev.khabar.embedded;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A web site on 127.0.0.1 serving the files of a directory, for crawling tests and the local demo.
 * Feeds, sitemaps and pages can link to the site itself by writing {@code {{base}}}, which is
 * replaced with {@link #baseUrl()} in {@code .html}, {@code .xml}, {@code .rss}, {@code .atom} and
 * {@code .txt} files:
 *
 * <pre>{@code
 * <item><link>{{base}}/news/1.html</link></item>   ->   http://127.0.0.1:41234/news/1.html
 * }</pre>
 *
 * <p>Extra handlers, e.g. endpoints that stall or answer 500, take precedence over files under
 * their path. Each request runs on its own virtual thread, so a stalling handler blocks nothing
 * else. Thread-safe.
 */
public final class StaticSite implements AutoCloseable {

  private final Path root;
  private final int requestedPort;
  private final Map<String, HttpHandler> handlers;

  private @Nullable HttpServer server;
  private @Nullable ExecutorService executor;
  private int port;

  private StaticSite(Builder builder) {
    this.root = Objects.requireNonNull(builder.root, "root");
    this.requestedPort = builder.port;
    this.handlers = new LinkedHashMap<>(builder.handlers);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Shorthand for a started site serving {@code root} on a free port. */
  public static StaticSite serve(Path root) {
    return builder().root(root).build().start();
  }

  /** Binds the port and starts serving; does nothing if already started. */
  public synchronized StaticSite start() {
    if (server != null) {
      return this;
    }
    HttpServer created;
    try {
      created = HttpServer.create(new InetSocketAddress(Loopback.address(), requestedPort), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + Loopback.HOST + ":" + requestedPort, e);
    }
    port = created.getAddress().getPort();
    created.createContext("/", new StaticFileHandler(root, this::baseUrl));
    handlers.forEach(created::createContext);
    executor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("khabar-site-", 0).factory());
    created.setExecutor(executor);
    created.start();
    server = created;
    return this;
  }

  /**
   * Serves {@code path} and everything under it with {@code handler} instead of files, from now on.
   *
   * @param path absolute, e.g. {@code /slow}
   */
  public synchronized StaticSite handle(String path, HttpHandler handler) {
    checkHandlerPath(path);
    Objects.requireNonNull(handler, "handler");
    if (handlers.putIfAbsent(path, handler) != null) {
      throw new IllegalArgumentException("a handler for " + path + " is already registered");
    }
    if (server != null) {
      server.createContext(path, handler);
    }
    return this;
  }

  /**
   * The site's address without a trailing slash, e.g. {@code http://127.0.0.1:41234}.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public synchronized String baseUrl() {
    if (port == 0) {
      throw new IllegalStateException("the site has not been started yet");
    }
    return "http://" + Loopback.HOST + ":" + port;
  }

  /** {@link #baseUrl()} followed by {@code path}, e.g. {@code url("/feed.xml")}. */
  public String url(String path) {
    checkPath(path);
    return baseUrl() + path;
  }

  public synchronized int port() {
    baseUrl();
    return port;
  }

  public Path root() {
    return root;
  }

  /** Stops serving at once; requests in flight are cut. Idempotent. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public String toString() {
    return "StaticSite[" + root + (port == 0 ? "" : " at " + baseUrl()) + "]";
  }

  private static void checkPath(String path) {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', got '" + path + "'");
    }
  }

  private static void checkHandlerPath(String path) {
    checkPath(path);
    if (path.equals("/")) {
      throw new IllegalArgumentException("'/' serves the files; give handlers a path below it");
    }
  }

  /** Settings of a {@link StaticSite}; only the root is required. Not thread-safe. */
  public static final class Builder {

    private @Nullable Path root;
    private int port;
    private final Map<String, HttpHandler> handlers = new LinkedHashMap<>();

    private Builder() {}

    /** The directory whose files are served; must exist. */
    public Builder root(Path root) {
      Objects.requireNonNull(root, "root");
      if (!Files.isDirectory(root)) {
        throw new IllegalArgumentException("root must be an existing directory, got " + root);
      }
      this.root = root;
      return this;
    }

    /** The port; 0 (the default) picks a free one at start. */
    public Builder port(int port) {
      Loopback.checkPort(port, "port");
      this.port = port;
      return this;
    }

    /** See {@link StaticSite#handle(String, HttpHandler)}. */
    public Builder handler(String path, HttpHandler handler) {
      checkHandlerPath(path);
      Objects.requireNonNull(handler, "handler");
      if (handlers.putIfAbsent(path, handler) != null) {
        throw new IllegalArgumentException("a handler for " + path + " is already registered");
      }
      return this;
    }

    /**
     * @throws IllegalStateException if no root was given
     */
    public StaticSite build() {
      if (root == null) {
        throw new IllegalStateException("root is required");
      }
      return new StaticSite(this);
    }
  }
}
