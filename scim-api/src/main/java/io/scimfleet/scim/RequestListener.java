package io.scimfleet.scim;

import java.time.Duration;

/**
 * Told after every request, for metrics. {@code endpoint} is a bounded label: the first path
 * segment ({@code Users}, {@code Groups}, {@code ServiceProviderConfig}, {@code Bulk}, ...), never
 * an id. {@code status} is -1 when no response came. An exception thrown here is logged and
 * swallowed.
 */
@FunctionalInterface
public interface RequestListener {
  RequestListener NONE = (method, endpoint, status, duration) -> {};

  void onRequest(String method, String endpoint, int status, Duration duration);
}
