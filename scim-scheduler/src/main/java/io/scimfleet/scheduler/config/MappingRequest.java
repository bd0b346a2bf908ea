package io.scimfleet.scheduler.config;

import org.jspecify.annotations.Nullable;

/** One property mapping as given in the API body or the YAML file. */
public record MappingRequest(@Nullable String name, @Nullable String expression) {}
