package io.scimfleet.scheduler.http;

import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/providers/{name}/preview}: {@code {"type":"user","id":"u1"}}. */
record PreviewRequest(@Nullable String type, @Nullable String id) {}
