/**
 * The control-plane HTTP API (Javalin): directory writes and NDJSON import, provider settings, full
 * syncs, sync state and previews, behind a bearer admin token; health and Prometheus metrics
 * without it. {@link io.scimfleet.scheduler.http.ApiServer} wires it; docs/api.md describes it.
 */
@NullMarked
package io.scimfleet.scheduler.http;

import org.jspecify.annotations.NullMarked;
