package io.scimfleet.scheduler.source;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A source's settings as the API body ({@code PUT /api/v1/sources/{name}}) and the YAML file's
 * {@code sources:} entries give them; {@link SourceConversion} checks them and fills the defaults.
 * {@code url} is one URL or a list. {@link #toString()} never shows the password.
 */
public record SourceRequest(
    @Nullable String type,
    @Nullable Boolean enabled,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> url,
    @Nullable Boolean startTls,
    @Nullable String caBundleFile,
    @Nullable String bindDn,
    @Nullable String bindPassword,
    @Nullable String bindPasswordFile,
    @Nullable String bindPasswordEnv,
    @Nullable String baseDn,
    @Nullable String userBase,
    @Nullable String groupBase,
    @Nullable String userFilter,
    @Nullable String groupFilter,
    @Nullable String idAttribute,
    @Nullable Map<String, String> attributes,
    @Nullable List<String> extraAttributes,
    @Nullable String memberAttribute,
    @Nullable Integer pageSize,
    @Nullable Integer pollSeconds,
    @Nullable String changeDetection,
    @Nullable Integer fullReadMinutes,
    @Nullable Integer maxDeletePercent,
    @Nullable Integer timeoutSeconds) {

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
