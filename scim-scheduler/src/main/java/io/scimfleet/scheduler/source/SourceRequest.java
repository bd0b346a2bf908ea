package io.scimfleet.scheduler.source;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import java.util.Map;

/**
 * A source's settings as the API body ({@code PUT /api/v1/sources/{name}}) and the YAML file's
 * {@code sources:} entries give them; {@link SourceConversion} checks them and fills the defaults.
 * {@code url} is one URL or a list. {@link #toString()} never shows the password.
 */
public record SourceRequest(
    String type,
    Boolean enabled,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> url,
    Boolean startTls,
    String caBundleFile,
    String bindDn,
    String bindPassword,
    String bindPasswordFile,
    String bindPasswordEnv,
    String baseDn,
    String userBase,
    String groupBase,
    String userFilter,
    String groupFilter,
    String idAttribute,
    Map<String, String> attributes,
    List<String> extraAttributes,
    String memberAttribute,
    Integer pageSize,
    Integer pollSeconds,
    String changeDetection,
    Integer fullReadMinutes,
    Integer maxDeletePercent,
    Integer timeoutSeconds) {

  @Override
  public String toString() {
    return "SourceRequest["
        + url
        + " bindDn="
        + bindDn
        + (bindPassword != null ? " bindPassword=***" : "")
        + "]";
  }
}
