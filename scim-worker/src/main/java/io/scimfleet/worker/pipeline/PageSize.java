package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.model.FeatureUse;
import io.scimfleet.scim.Capabilities;

/**
 * A provider's objects per full-sync page: its {@code pageSize}, above 100 only as far as its
 * target's Bulk {@code maxOperations} allows (the target announces Bulk and the provider uses it),
 * so that a bigger page costs fewer jobs and page overheads, never more Bulk requests.
 */
public final class PageSize {
  private PageSize() {}

  public static int of(ProviderContext ctx) {
    return ctx.provider().pageSize(bulkMaxOperations(ctx));
  }

  /** 0 where this provider's pages do not go in Bulk requests (or discovery fails now). */
  private static int bulkMaxOperations(ProviderContext ctx) {
    if (ctx.provider().pageSize() <= io.scimfleet.model.Provider.DEFAULT_PAGE_SIZE) return 0;
    if (ctx.provider().switches().bulk() != FeatureUse.AUTO || ctx.provider().dryRun()) return 0;
    try {
      Capabilities.Bulk bulk = RemoteWriter.capabilities(ctx).bulk();
      return bulk.supported() ? bulk.maxOperations() : 0;
    } catch (FleetException unreachable) {
      return 0;
    }
  }
}
