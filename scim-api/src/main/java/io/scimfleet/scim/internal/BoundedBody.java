package io.scimfleet.scim.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads a response body up to a limit and never further, so a target cannot fill a worker's heap.
 */
final class BoundedBody {
  private BoundedBody() {}

  /**
   * The body as text; {@link TooLarge} once it is longer than {@code limit} bytes (after
   * decompression).
   */
  static String read(HttpEntity entity, int status, long limit) throws IOException {
    if (entity == null) return "";
    if (entity.getContentLength() > limit) throw new TooLarge(status, limit);
    try (InputStream in = entity.getContent()) {
      if (in == null) return "";
      byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > limit) throw new TooLarge(status, limit);
      return new String(bytes, StandardCharsets.UTF_8);
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
