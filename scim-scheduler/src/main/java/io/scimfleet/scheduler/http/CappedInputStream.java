package io.scimfleet.scheduler.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that throws {@link ImportLimitException} once more than its cap is read. */
final class CappedInputStream extends FilterInputStream {
  private final long maxBytes;
  private long read;

  CappedInputStream(InputStream in, long maxBytes) {
    super(in);
    this.maxBytes = maxBytes;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) count(1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) count(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) {
    read += n;
    if (read > maxBytes) throw tooLarge(maxBytes);
  }

  static ImportLimitException tooLarge(long maxBytes) {
    return new ImportLimitException(
        "the import is larger than SCIM_MAX_IMPORT_BYTES ("
            + maxBytes
            + " bytes): split it into smaller imports, or raise the limit");
  }
}
