package io.scimfleet.scheduler.http;

/**
 * How the HTTP API listens and whom it lets in.
 *
 * @param adminToken the bearer token every {@code /api} request must carry; required
 * @param directoryToken optional second token, accepted only on the directory routes ({@code
 *     /users}, {@code /groups}, {@code /import}); null: none
 * @param maxBodyBytes largest JSON body accepted (413 beyond it); also the longest import line
 * @param port 0: any free port
 */
public record ApiSettings(String adminToken, String directoryToken, long maxBodyBytes, int port) {
  /** Settings with the admin token only. */
  public ApiSettings(String adminToken, long maxBodyBytes, int port) {
    this(adminToken, null, maxBodyBytes, port);
  }

  @Override
  public String toString() {
    return "ApiSettings[directoryToken "
        + (directoryToken == null ? "none" : "set")
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", port="
        + port
        + "]";
  }
}
