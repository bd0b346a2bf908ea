package io.scimfleet.scheduler.http;

import java.util.List;

/**
 * What an import wrote: users and groups stored, and the lines that were refused (the first {@link
 * NdjsonImport#MAX_ERRORS}; {@code errorCount} counts them all).
 */
public record ImportResult(long users, long groups, List<LineError> errors, long errorCount) {

  /** One refused line, numbered from 1. */
  public record LineError(long line, String error) {}
}
