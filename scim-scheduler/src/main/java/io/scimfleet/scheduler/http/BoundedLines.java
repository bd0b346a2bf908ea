package io.scimfleet.scheduler.http;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Lines of a stream, one at a time, holding at most {@code maxChars + 1} characters of a line: a
 * longer line comes back cut at that length (the caller refuses it) and the rest of it is skipped.
 */
final class BoundedLines {
  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private long number;

  BoundedLines(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its line end, or null at the end of the stream. */
  @Nullable String next() throws IOException {
    StringBuilder line = new StringBuilder();
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!any) return null;
        break;
      }
      any = true;
      char c = buffer[position++];
      if (c == '\n') break;
      if (line.length() <= maxChars) line.append(c);
    }
    number++;
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
    return line.toString();
  }

  /** The number of the line {@link #next} returned last, from 1. */
  long number() {
    return number;
  }

  private boolean fill() throws IOException {
    limit = Math.max(in.read(buffer), 0);
    position = 0;
    return limit > 0;
  }
}
