package io.sociallistening.connect.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects at most {@code limit} bytes of a response body. A body with more is not read on: the
 * subscription is cancelled (the client drops the connection) and the result is the first {@code
 * limit} bytes marked {@link Body#over()}. The body completes when the server has sent it all, or
 * at the limit; the caller bounds how long that may take.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Body> {

  /** The bytes read; {@code over} when the server had more than the limit, or announced so. */
  record Body(byte[] bytes, boolean over) {}

  private final int limit;
  private final boolean over;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<Body> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private BoundedBody(int limit, boolean over) {
    this.limit = limit;
    this.over = over;
  }

  /** Reads up to {@code limit} bytes (at least 1). */
  static BoundedBody upTo(int limit) {
    return new BoundedBody(limit, false);
  }

  /** Reads nothing; the body is empty and {@link Body#over()} is {@code over}. */
  static BoundedBody dropped(boolean over) {
    return new BoundedBody(0, over);
  }

  @Override
  public CompletionStage<Body> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (limit == 0) {
      s.cancel();
      result.complete(new Body(new byte[0], over));
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      int room = limit - bytes.size();
      int n = Math.min(room, b.remaining());
      byte[] chunk = new byte[n];
      b.get(chunk);
      bytes.write(chunk, 0, n);
      if (b.hasRemaining()) {
        subscription.cancel();
        result.complete(new Body(bytes.toByteArray(), true));
        return;
      }
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable failure) {
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    result.complete(new Body(bytes.toByteArray(), over));
  }
}
