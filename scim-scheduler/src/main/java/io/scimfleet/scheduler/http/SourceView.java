package io.scimfleet.scheduler.http;

import io.scimfleet.scheduler.source.Source;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A source as the API shows it: the password only as where it comes from ({@code inline}, {@code
 * file:…}, {@code env:…}, {@code none}), never the password.
 */
record SourceView(
    String name,
    String type,
    boolean enabled,
    List<String> url,
    boolean startTls,
    @Nullable String caBundleFile,
    @Nullable String bindDn,
    String bindPassword,
    String baseDn,
    @Nullable String userBase,
    @Nullable String groupBase,
    String userFilter,
    String groupFilter,
    @Nullable String idAttribute,
    Map<String, String> attributes,
    List<String> extraAttributes,
    @Nullable String memberAttribute,
    int pageSize,
    int pollSeconds,
    String changeDetection,
    int fullReadMinutes,
    int maxDeletePercent,
    int timeoutSeconds) {

  static SourceView of(Source s) {
    return new SourceView(
        s.name(),
        Source.TYPE,
        s.enabled(),
        s.urls(),
        s.startTls(),
        s.caBundleFile(),
        s.bindDn(),
        s.passwordSource(),
        s.baseDn(),
        s.userBase(),
        s.groupBase(),
        s.userFilter(),
        s.groupFilter(),
        s.idAttribute(),
        s.attributes(),
        s.extraAttributes(),
        s.memberAttribute(),
        s.pageSize(),
        s.pollSeconds(),
        s.changeDetection().label(),
        s.fullReadMinutes(),
        s.maxDeletePercent(),
        s.timeoutSeconds());
  }
}
