package io.scimfleet.scheduler.http;

/** The body of {@code POST /api/v1/providers/{name}/preview}: {@code {"type":"user","id":"u1"}}. */
record PreviewRequest(String type, String id) {}
