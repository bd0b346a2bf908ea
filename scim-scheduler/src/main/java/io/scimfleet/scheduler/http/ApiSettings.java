package io.scimfleet.scheduler.http;

import io.scimfleet.config.ImportLimits;
import io.scimfleet.scheduler.console.ConsoleSettings;
import io.scimfleet.scheduler.inbound.InboundSettings;
import org.jspecify.annotations.Nullable;

/**
 * How the HTTP API listens and whom it lets in.
 *
 * @param adminToken the bearer token every {@code /api} request must carry; required
 * @param directoryToken optional second token, accepted only on the directory routes ({@code
 *     /users}, {@code /groups}, {@code /import}); null: none
 * @param maxBodyBytes largest JSON body accepted (413 beyond it); also the longest import line
 * @param port 0: any free port
 * @param inbound the inbound SCIM endpoint's tokens and limits; off without a token
 * @param imports the size and line limits of one {@code POST /api/v1/import}
 * @param console the admin console's session settings
 */
public record ApiSettings(
    String adminToken,
    @Nullable String directoryToken,
    long maxBodyBytes,
    int port,
    InboundSettings inbound,
    ImportLimits imports,
    ConsoleSettings console) {
  /** Settings with the admin token only. */
  public ApiSettings(String adminToken, long maxBodyBytes, int port) {
    this(adminToken, null, maxBodyBytes, port);
  }

  /** Settings without the inbound SCIM endpoint. */
  public ApiSettings(
      String adminToken, @Nullable String directoryToken, long maxBodyBytes, int port) {
    this(
        adminToken,
        directoryToken,
        maxBodyBytes,
        port,
        InboundSettings.off(),
        ImportLimits.defaults(),
        ConsoleSettings.defaults());
  }

  public ApiSettings withInbound(InboundSettings value) {
    return new ApiSettings(adminToken, directoryToken, maxBodyBytes, port, value, imports, console);
  }

  public ApiSettings withImports(ImportLimits value) {
    return new ApiSettings(adminToken, directoryToken, maxBodyBytes, port, inbound, value, console);
  }

  public ApiSettings withConsole(ConsoleSettings value) {
    return new ApiSettings(adminToken, directoryToken, maxBodyBytes, port, inbound, imports, value);
  }

  @Override
  public String toString() {
    return "ApiSettings[directoryToken "
        + (directoryToken == null ? "none" : "set")
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", port="
        + port
        + ", "
        + inbound
        + ", "
        + imports
        + ", "
        + console
        + "]";
  }
}
