/**
 * Provider settings as people write them (the API body and the declarative YAML file), their one
 * validation path into {@link io.scimfleet.model.Provider}, and how they are applied.
 */
@NullMarked
package io.scimfleet.scheduler.config;

import org.jspecify.annotations.NullMarked;
