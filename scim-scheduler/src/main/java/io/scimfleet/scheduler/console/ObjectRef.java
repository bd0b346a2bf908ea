package io.scimfleet.scheduler.console;

import io.scimfleet.model.ObjectType;

/** A directory user or group found by a search: its type, id and the name people know it by. */
record ObjectRef(ObjectType type, String id, String name) {}
