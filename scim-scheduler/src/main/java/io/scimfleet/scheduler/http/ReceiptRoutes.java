package io.scimfleet.scheduler.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scimfleet.model.Provider;
import io.scimfleet.model.UserReceipts;
import io.scimfleet.store.Page;
import io.scimfleet.store.Stores;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Deprovisioning receipts: one user on every provider ({@code GET /api/v1/users/{id}/provisioning},
 * JSON, or {@code ?format=ndjson}: a line per provider), and every kept receipt for an auditor
 * ({@code GET /api/v1/receipts}, NDJSON, a line per user and provider, streamed page by page).
 */
final class ReceiptRoutes {
  static final String NDJSON = "application/x-ndjson";
  private static final int PAGE = 200;

  private final Stores stores;
  private final Provisioning provisioning;

  ReceiptRoutes(Stores stores) {
    this.stores = stores;
    this.provisioning = new Provisioning(stores);
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/users/{id}/provisioning", this::user);
    routes.get("/api/v1/receipts", this::export);
  }

  private void user(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    ProvisioningView view =
        provisioning
            .of(id)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no user '"
                            + id
                            + "' in the directory and no receipt of it kept (receipts stay"
                            + " SCIM_RECEIPT_RETENTION_DAYS after a deletion)"));
    String format = ctx.queryParam("format");
    if (format == null || format.equals("json")) {
      ApiJson.write(ctx, 200, view);
    } else if (format.equals("ndjson")) {
      try (OutputStream out = ndjson(ctx)) {
        writeLines(out, view.lines());
      }
    } else {
      throw ApiException.badRequest("format must be json or ndjson, not '" + format + "'");
    }
  }

  private void export(Context ctx) throws IOException {
    Map<String, Provider> providers = provisioning.providers();
    try (OutputStream out = ndjson(ctx)) {
      String cursor = null;
      do {
        Page<UserReceipts> page = stores.receipts().page(cursor, PAGE);
        for (UserReceipts kept : page.items())
          writeLines(out, provisioning.of(kept, providers).lines());
        cursor = page.nextCursor();
      } while (cursor != null);
    }
  }

  private static OutputStream ndjson(Context ctx) {
    ctx.status(200).contentType(NDJSON + "; charset=utf-8");
    return ctx.outputStream();
  }

  private static void writeLines(OutputStream out, List<ProvisioningView.Line> lines)
      throws IOException {
    for (ProvisioningView.Line line : lines) {
      out.write(ApiJson.MAPPER.writeValueAsBytes(line));
      out.write('\n');
    }
  }
}
