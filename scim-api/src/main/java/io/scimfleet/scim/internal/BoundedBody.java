package io.scimfleet.scim.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads a response body up to a limit and never further, so a target cannot fill a worker's heap.
 */
final class BoundedBody {
  private static final int CHUNK = 64 * 1024;

  private BoundedBody() {}

  /**
   * The body as text; {@link TooLarge} once it is longer than {@code limit} bytes (after
   * decompression).
   */
  static String read(HttpEntity entity, int status, long limit) throws IOException {
    return read(entity, status, limit, ResponseBudget.PROCESS);
  }

  /**
   * As {@link #read(HttpEntity, int, long)}, taking the bytes it reads from {@code budget} chunk by
   * chunk and giving them back once the body is text.
   */
  static String read(HttpEntity entity, int status, long limit, ResponseBudget budget)
      throws IOException {
    if (entity == null) return "";
    if (entity.getContentLength() > limit) throw new TooLarge(status, limit);
    int taken = 0;
    try (InputStream in = entity.getContent()) {
      if (in == null) return "";
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] chunk = new byte[CHUNK];
      long max = Math.min(limit + 1, Integer.MAX_VALUE - 8);
      int n;
      while (bytes.size() < max
          && (n = in.readNBytes(chunk, 0, (int) Math.min(CHUNK, max - bytes.size()))) > 0) {
        taken += budget.take(2 * n); // the bytes, and their copy as text
        bytes.write(chunk, 0, n);
      }
      if (bytes.size() > limit) throw new TooLarge(status, limit);
      return bytes.toString(StandardCharsets.UTF_8);
    } finally {
      budget.giveBack(taken);
    }
  }

  /** The body was longer than the limit; reading stopped there and the connection is dropped. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;
    final long limit;

    TooLarge(int status, long limit) {
      super("response body larger than " + limit + " bytes");
      this.status = status;
      this.limit = limit;
    }
  }
}
