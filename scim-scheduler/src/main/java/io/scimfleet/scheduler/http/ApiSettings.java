package io.scimfleet.scheduler.http;

/**
 * @param adminToken the bearer token every {@code /api} request must carry; required
 * @param maxBodyBytes largest JSON body accepted (413 beyond it); also the longest import line
 * @param port 0: any free port
 */
public record ApiSettings(String adminToken, long maxBodyBytes, int port) {
  @Override
  public String toString() {
    return "ApiSettings[maxBodyBytes=" + maxBodyBytes + ", port=" + port + "]";
  }
}
