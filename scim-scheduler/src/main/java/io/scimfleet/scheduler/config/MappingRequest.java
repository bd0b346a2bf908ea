package io.scimfleet.scheduler.config;

/** One property mapping as given in the API body or the YAML file. */
public record MappingRequest(String name, String expression) {}
