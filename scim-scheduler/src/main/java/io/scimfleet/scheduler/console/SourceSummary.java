package io.scimfleet.scheduler.console;

import io.scimfleet.scheduler.http.SourceStatusView;
import io.scimfleet.scheduler.source.Source;

/** One source as the Sources page shows it: its settings and the status the API shows. */
record SourceSummary(Source source, SourceStatusView status) {
  String name() {
    return source.name();
  }
}
