package io.scimfleet.scheduler.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scimfleet.config.ImportLimits;
import io.scimfleet.store.DirectoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/v1/import}: an NDJSON body, streamed line by line (see {@link NdjsonImport}), of
 * at most {@code SCIM_MAX_IMPORT_BYTES} and {@code SCIM_MAX_IMPORT_LINES}: 413 beyond them, before
 * anything is read when the {@code Content-Length} says so.
 */
final class ImportRoutes {
  /**
   * How much of an oversized streamed body is read and dropped so that the 413 reaches the client.
   */
  static final long MAX_SKIPPED_BYTES = 64L * 1024 * 1024;

  private final DirectoryStore directory;
  private final int maxLineChars;
  private final ImportLimits limits;
  private final PasswordChanges passwords;

  ImportRoutes(
      DirectoryStore directory, long maxBodyBytes, ImportLimits limits, PasswordChanges passwords) {
    this.directory = directory;
    this.maxLineChars = (int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes);
    this.limits = limits;
    this.passwords = passwords;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/v1/import", this::importLines);
  }

  private void importLines(Context ctx) throws IOException {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-ndjson") && !type.startsWith("application/jsonl")) {
      throw new ApiException(
          415, "send the import as Content-Type: application/x-ndjson, one JSON object per line");
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > limits.maxBytes()) {
      ApiErrors.error(
          ctx,
          413,
          CappedInputStream.tooLarge(limits.maxBytes()).getMessage() + "; nothing was imported");
      return;
    }
    InputStream body = ctx.req().getInputStream();
    try (Reader in =
        new InputStreamReader(
            new CappedInputStream(body, limits.maxBytes()), StandardCharsets.UTF_8)) {
      importFrom(ctx, in, body);
    }
  }

  private void importFrom(Context ctx, Reader in, InputStream body) throws IOException {
    try {
      ApiJson.write(ctx, 200, NdjsonImport.run(directory, passwords, in, maxLineChars, limits));
    } catch (ImportLimitException e) {
      skipTheRest(body);
      tooLarge(ctx, e);
    }
  }

  /**
   * Reads what the client still sends (up to {@link #MAX_SKIPPED_BYTES}) before the 413: a server
   * that answers and closes with the request unread makes the client's TCP stack reset the
   * connection, and the client then never sees the answer saying what was stored.
   */
  private static void skipTheRest(InputStream body) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    int read;
    while (skipped < MAX_SKIPPED_BYTES && (read = body.read(buffer)) != -1) skipped += read;
  }

  /**
   * 413 with the limit; the users read before it are stored, the groups are not (they are stored
   * only once the last line is read).
   */
  private static void tooLarge(Context ctx, ImportLimitException e) {
    ImportResult stored = e.stored();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "error",
        e.getMessage()
            + "; the import stopped there: the users before it are stored, no group is (send the"
            + " rest again within the limit: an import only adds and updates)");
    body.put("users", stored == null ? 0 : stored.users());
    body.put("groups", 0);
    if (stored != null) {
      body.put("errors", stored.errors());
      body.put("errorCount", stored.errorCount());
    }
    ctx.attribute("answered", true);
    ApiJson.write(ctx, 413, body);
  }
}
