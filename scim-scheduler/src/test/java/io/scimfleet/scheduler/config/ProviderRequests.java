package io.scimfleet.scheduler.config;

/** Provider requests for tests: every field absent but the ones named. */
public final class ProviderRequests {
  private ProviderRequests() {}

  /** A request for {@code baseUrl} with an inline bearer {@code token} and nothing else. */
  public static ProviderRequest bearer(String baseUrl, String token) {
    return ProviderRequest.empty()
        .with(ProviderField.BASE_URL, baseUrl)
        .with(ProviderField.TOKEN, token);
  }
}
