package io.scimfleet.scheduler.inbound;

import de.captaingoldfish.scim.sdk.common.exceptions.ScimException;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.interceptor.Interceptor;
import io.scimfleet.scheduler.source.SourceOwnedException;
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
    } catch (SourceOwnedException e) {
      throw new OwnedBySource(e);
    }
  }

  /** 409: the object belongs to a source (an LDAP directory), which the fleet reads it from. */
  static final class OwnedBySource extends ScimException {
    private static final long serialVersionUID = 1L;

    OwnedBySource(SourceOwnedException cause) {
      super(cause.getMessage(), cause, 409, "mutability");
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
