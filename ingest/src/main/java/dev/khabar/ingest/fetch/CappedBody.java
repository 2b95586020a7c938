package dev.khabar.ingest.fetch;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a limit: past it, the download is cancelled instead of buffered, so a
 * 20 MB page or an endless stream costs at most the limit in memory.
 */
record CappedBody(byte[] bytes, boolean truncated) {

  static HttpResponse.BodyHandler<CappedBody> handler(long maxBytes) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > maxBytes) {
        return HttpResponse.BodySubscribers.replacing(new CappedBody(new byte[0], true));
      }
      return new Subscriber(maxBytes, declared);
    };
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<CappedBody> {
    private final long maxBytes;
    private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    // Sized by Content-Length when the server gives one (already checked against the cap): the
    // page is then copied once, from the client's buffers straight into the array it is kept in.
    private byte[] bytes;
    private int length;

    Subscriber(long maxBytes, long declaredLength) {
      this.maxBytes = maxBytes;
      this.bytes = new byte[declaredLength > 0 ? (int) declaredLength : 32 * 1024];
    }

    @Override
    public CompletionStage<CappedBody> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        int size = item.remaining();
        if (length + (long) size > maxBytes) {
          subscription.cancel();
          result.complete(new CappedBody(new byte[0], true));
          return;
        }
        if (length + size > bytes.length) {
          bytes =
              Arrays.copyOf(
                  bytes, (int) Math.min(maxBytes, Math.max(2L * bytes.length, length + size)));
        }
        item.get(bytes, length, size);
        length += size;
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(
          new CappedBody(length == bytes.length ? bytes : Arrays.copyOf(bytes, length), false));
    }
  }
}
