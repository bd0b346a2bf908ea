package io.scimfleet.scheduler.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.scimfleet.store.DirectoryStore;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code POST /api/v1/import}: an NDJSON body, streamed line by line (see {@link NdjsonImport}).
 */
final class ImportRoutes {
  private final DirectoryStore directory;
  private final int maxLineChars;
  private final PasswordChanges passwords;

  ImportRoutes(DirectoryStore directory, long maxBodyBytes, PasswordChanges passwords) {
    this.directory = directory;
    this.maxLineChars = (int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes);
    this.passwords = passwords;
  }

  void register(Javalin app) {
    app.post("/api/v1/import", this::importLines);
  }

  private void importLines(Context ctx) throws IOException {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-ndjson") && !type.startsWith("application/jsonl")) {
      throw new ApiException(
          415, "send the import as Content-Type: application/x-ndjson, one JSON object per line");
    }
    try (Reader in = new InputStreamReader(ctx.req().getInputStream(), StandardCharsets.UTF_8)) {
      ApiJson.write(ctx, 200, NdjsonImport.run(directory, passwords, in, maxLineChars));
    }
  }
}
