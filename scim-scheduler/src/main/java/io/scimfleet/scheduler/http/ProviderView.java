package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.config.ProviderField;
import java.util.Map;

/**
 * A provider as the API shows it: each {@link ProviderField} that has a view, in their order. The
 * credential appears only as where the token comes from ({@code env:SLACK_TOKEN}, {@code
 * file:/secrets/token}, {@code inline}): never the token. The admin console shows the same view
 * ({@link #maskedJson}).
 */
public final class ProviderView {
  private ProviderView() {}

  /** The provider as {@code GET /api/v1/providers/{name}} answers it, indented: no secret. */
  public static String maskedJson(Provider p) {
    try {
      return ApiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(of(p));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a provider view always serializes", e);
    }
  }

  static Map<String, Object> of(Provider p) {
    return ProviderField.view(p);
  }
}
