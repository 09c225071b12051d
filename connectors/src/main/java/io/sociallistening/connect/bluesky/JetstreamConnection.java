package io.sociallistening.connect.bluesky;

import io.sociallistening.connect.http.HttpErrors;
import io.sociallistening.connect.http.RetryLaterException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * One WebSocket connection to Jetstream and the bounded queue between its listener and the task's
 * {@code poll()}. Flow control instead of dropping: the listener asks the socket for the next
 * message only while the queue has room, and {@link #take} asks again once it has drained some; a
 * full queue thus slows the server down (Jetstream closes connections that lag too far, which is
 * then a reconnect from the cursor). Messages larger than {@code maxMessageChars} are replaced by
 * an empty string (counted as malformed by the task).
 */
final class JetstreamConnection implements WebSocket.Listener {
  private final URI uri;
  private final BlockingQueue<String> queue;
  private final int maxMessageChars;
  private final StringBuilder partial = new StringBuilder();
  private final Object demand = new Object();
  private WebSocket socket;
  private boolean paused;
  private boolean oversized;
  private volatile String ended;

  private JetstreamConnection(URI uri, int capacity, int maxMessageChars) {
    this.uri = uri;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxMessageChars = maxMessageChars;
  }

  /**
   * Opens a connection to {@code uri}; {@code nowMs} is the task's clock, for a {@code Retry-After}
   * given as a date.
   *
   * @throws RetryLaterException if the server cannot be reached, times out, or answers the
   *     handshake with a retriable status ({@link HttpErrors#classify}: 408, 425, 429, 5xx)
   * @throws ConnectException if the handshake is refused otherwise (401, 403, 404...), naming the
   *     URL
   */
  static JetstreamConnection open(
      HttpClient http, URI uri, int capacity, int maxMessageChars, Duration timeout, long nowMs)
      throws InterruptedException {
    JetstreamConnection c = new JetstreamConnection(uri, capacity, maxMessageChars);
    CompletableFuture<WebSocket> future =
        http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, c);
    try {
      c.socket = future.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      return c;
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new RetryLaterException(
          "WebSocket handshake with " + uri + " timed out", -1, nowMs, -1, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof WebSocketHandshakeException h) {
        int status = h.getResponse().statusCode();
        if (HttpErrors.classify(status) == HttpErrors.Outcome.RETRIABLE) {
          long retryAfterMs =
              HttpErrors.retryAfterMs(
                  h.getResponse().headers().firstValue("Retry-After").orElse(null), nowMs);
          throw new RetryLaterException(
              "HTTP " + status + " from WebSocket handshake with " + uri,
              status,
              nowMs + Math.max(0, retryAfterMs),
              retryAfterMs,
              h);
        }
        throw new ConnectException(
            "HTTP "
                + status
                + " from WebSocket handshake with "
                + uri
                + (status == 401 || status == 403 ? " (authentication refused)" : "")
                + ": check "
                + BlueskySourceConfig.URL_CONFIG,
            h);
      }
      throw new RetryLaterException(
          "Cannot connect to " + uri + ": " + cause, -1, nowMs, -1, cause);
    }
  }

  /**
   * The next message, waiting up to {@code waitMs} for one; null if none arrived. Asks the socket
   * for more if the listener had paused on a full queue.
   */
  String take(long waitMs) throws InterruptedException {
    String message = waitMs <= 0 ? queue.poll() : queue.poll(waitMs, TimeUnit.MILLISECONDS);
    if (message != null) {
      synchronized (demand) {
        if (paused && queue.remainingCapacity() > 0) {
          paused = false;
          socket.request(1);
        }
      }
    }
    return message;
  }

  /** Why the connection ended (closed or failed), or null while it is open. */
  String ended() {
    return ended;
  }

  /** Whether messages are still queued. */
  boolean hasQueued() {
    return !queue.isEmpty();
  }

  URI uri() {
    return uri;
  }

  void close() {
    close("closed by the task");
  }

  /** Aborts the connection; {@code reason} becomes {@link #ended()} unless it had ended. */
  void close(String reason) {
    if (ended == null) {
      ended = reason;
    }
    WebSocket s = socket;
    if (s != null) {
      s.abort();
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    if (!oversized) {
      if (partial.length() + data.length() > maxMessageChars) {
        oversized = true;
        partial.setLength(0);
      } else {
        partial.append(data);
      }
    }
    if (!last) {
      webSocket.request(1);
      return null;
    }
    String message = oversized ? "" : partial.toString();
    partial.setLength(0);
    oversized = false;
    synchronized (demand) {
      if (!queue.offer(message)) {
        throw new IllegalStateException("queue overrun despite flow control");
      }
      if (queue.remainingCapacity() > 0) {
        webSocket.request(1);
      } else {
        paused = true;
      }
    }
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    ended = "closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")";
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    ended = "failed: " + (error instanceof IOException ? error.toString() : String.valueOf(error));
  }
}
