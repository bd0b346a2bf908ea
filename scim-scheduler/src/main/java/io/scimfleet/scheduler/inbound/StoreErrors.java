package io.scimfleet.scheduler.inbound;

import de.captaingoldfish.scim.sdk.common.exceptions.ScimException;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.interceptor.Interceptor;
import io.scimfleet.store.StoreException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Around every handler call: a store that cannot be reached (Redis down) is a 503 with {@code
 * Retry-After}, which identity providers retry; a write the store refuses is a 400. Never a 500.
 */
final class StoreErrors implements Interceptor {
  static final StoreErrors INSTANCE = new StoreErrors();

  @Override
  public <T> T doAround(Supplier<T> call, Context context) {
    try {
      return call.get();
    } catch (StoreException e) {
      throw e.retryable() ? new Unavailable(e) : Resources.invalidValue(e.getMessage());
    }
  }

  /** 503: the directory store is out of reach for now. */
  static final class Unavailable extends ScimException {
    private static final long serialVersionUID = 1L;

    Unavailable(StoreException cause) {
      super(
          "the fleet's directory store is unavailable, retry later",
          cause,
          503,
          null,
          Map.of("Retry-After", "5"));
    }
  }
}
