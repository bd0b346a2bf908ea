package io.scimfleet.model;

/** Whether a full sync sends its creates and updates in SCIM Bulk requests (RFC 7644 §3.7). */
public enum BulkMode {
  /**
   * Bulk when the target's ServiceProviderConfig says {@code bulk.supported}, single requests
   * otherwise.
   */
  AUTO,
  /** Always single requests. */
  OFF;

  /**
   * {@code auto} or {@code off}; also {@code true} and {@code false}, since YAML 1.1 reads an
   * unquoted {@code off} as false.
   */
  public static BulkMode parse(String value) {
    String name = value.trim().toUpperCase(java.util.Locale.ROOT);
    if (name.equals("FALSE")) return OFF;
    if (name.equals("TRUE")) return AUTO;
    try {
      return valueOf(name);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("bulk must be 'auto' or 'off', not '" + value + "'");
    }
  }

  /** As the switch the vendor profiles use. */
  public FeatureUse use() {
    return this == AUTO ? FeatureUse.AUTO : FeatureUse.OFF;
  }
}
