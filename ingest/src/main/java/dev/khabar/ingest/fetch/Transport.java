package dev.khabar.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Sends one GET to an address the guard admitted, with the URL's host kept for the Host header, TLS
 * server name and certificate check. The client never resolves a name itself: its resolver refuses
 * every lookup, so a connection can only go where the guard said. No redirects, retries,
 * decompression or cookies here; the fetcher does what it needs of those. Thread-safe.
 */
final class Transport implements AutoCloseable {
  /** A response with its body read up to the size cap. */
  record Response(int status, Map<String, String> headers, CappedBody body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private final FetchSettings settings;
  private final CloseableHttpClient client;
  private final ScheduledThreadPoolExecutor deadlines =
      new ScheduledThreadPoolExecutor(
          1,
          runnable ->
              Thread.ofPlatform().name("khabar-fetch-deadlines").daemon(true).unstarted(runnable));

  Transport(FetchSettings settings, Sockets sockets) {
    this.settings = settings;
    // Nearly every deadline is cancelled, the exchange done: drop it then, not 30 s later.
    deadlines.setRemoveOnCancelPolicy(true);
    DefaultHttpClientConnectionOperator operator =
        new DefaultHttpClientConnectionOperator(
            proxy -> sockets.create(),
            DefaultSchemePortResolver.INSTANCE,
            new NoLookups(),
            RegistryBuilder.<TlsSocketStrategy>create()
                .register("https", DefaultClientTlsStrategy.createDefault())
                .build());
    PoolingHttpClientConnectionManager connections =
        new PoolingHttpClientConnectionManager(
            operator,
            PoolConcurrencyPolicy.LAX,
            PoolReusePolicy.LIFO,
            TimeValue.ofMinutes(1),
            ManagedHttpClientConnectionFactory.INSTANCE);
    connections.setDefaultMaxPerRoute(4);
    connections.setDefaultConnectionConfig(
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(settings.connectTimeout()))
            .setSocketTimeout(Timeout.of(settings.totalTimeout()))
            // Servers close idle keep-alive connections; one unused for a second is checked
            // before it is reused, so that a poll minutes later does not fail on a dead socket.
            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
            .build());
    this.client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableContentCompression()
            .disableCookieManagement()
            .disableAuthCaching()
            // Thousands of hosts each polled every few minutes: do not keep their sockets open.
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .build();
  }

  /**
   * Sends a GET for {@code uri} to {@code address}, within the total timeout for the whole
   * exchange, body included: a stalled server cannot hold a worker.
   */
  Response send(URI uri, InetAddress address, Map<String, String> requestHeaders)
      throws IOException, TimeoutException {
    HttpGet get = new HttpGet(uri);
    requestHeaders.forEach(get::setHeader);
    HttpHost target = new HttpHost(uri.getScheme(), address, hostName(uri), port(uri));
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              timedOut.set(true);
              get.cancel();
            },
            settings.totalTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    ClassicHttpResponse response = null;
    try {
      response = client.executeOpen(target, get, null);
      Map<String, String> headers = new TreeMap<>();
      for (Header header : response.getHeaders()) {
        headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
      }
      CappedBody body = read(response.getEntity());
      if (body.truncated()) {
        // Abort instead of letting close() drain the rest of a huge body for connection reuse.
        get.cancel();
      }
      return new Response(response.getCode(), headers, body);
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new TimeoutException("no complete response within " + settings.totalTimeout());
      }
      throw e;
    } finally {
      deadline.cancel(false);
      closeQuietly(response);
    }
  }

  private static void closeQuietly(@Nullable ClassicHttpResponse response) {
    if (response == null) {
      return;
    }
    try {
      response.close();
    } catch (IOException e) {
      // An aborted exchange fails to close cleanly; its connection is discarded either way.
    }
  }

  private CappedBody read(@Nullable HttpEntity entity) throws IOException {
    if (entity == null) {
      return new CappedBody(new byte[0], false);
    }
    if (entity.getContentLength() > settings.maxBytes()) {
      return new CappedBody(new byte[0], true);
    }
    InputStream in = entity.getContent();
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
    return bytes.length > settings.maxBytes()
        ? new CappedBody(new byte[0], true)
        : new CappedBody(bytes, false);
  }

  /** The client's resolver: it refuses, so that only the guard ever looks a name up. */
  private static final class NoLookups implements DnsResolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      throw new UnknownHostException("no lookup outside the address guard: " + host);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
      throw new UnknownHostException("no lookup outside the address guard: " + host);
    }
  }

  private static String hostName(URI uri) {
    String host = uri.getHost();
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    client.close(CloseMode.IMMEDIATE);
  }
}
