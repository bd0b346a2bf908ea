package io.scimfleet.scim;

/**
 * Asked before every request; it may block, for example until a rate limit lets the request go.
 * {@code endpoint} is the bounded label of {@link RequestListener}.
 */
@FunctionalInterface
public interface RequestGate {
  RequestGate OPEN = (method, endpoint) -> {};

  void beforeRequest(String method, String endpoint);
}
