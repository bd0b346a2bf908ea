package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.MappingLimits;
import io.scimfleet.mapping.Mappings;
import io.scimfleet.mapping.PayloadBuilder;
import io.scimfleet.mapping.ProviderMappings;
import io.scimfleet.model.Credential;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.InMemoryChangeFeed;
import io.scimfleet.store.InMemoryDirectoryStore;
import io.scimfleet.store.InMemorySyncStateStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Runs a worker's per-object work (mapping, schema check, payload hash, JSON writing) on made-up
 * users before the worker takes jobs, so that the JIT has compiled it when the first full sync
 * comes: a cold worker spent about three times the CPU per object of a warm one on its first sync
 * ({@code bench/speed.sh}). It builds them with the worker's {@link PayloadBuilder} over empty
 * in-memory stores: nothing leaves the process, no request, no Redis.
 */
public final class JitWarmUp {
  static final int USERS = 5_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private JitWarmUp() {}

  /**
   * Warms up for at most {@code budget} (or {@link #USERS} users); returns the users it made.
   *
   * @throws IllegalStateException when the pipeline fails on a made-up user: a bug to see at once
   */
  public static int run(Duration budget) {
    return run(budget, MappingLimits.defaults());
  }

  /** As {@link #run(Duration)}, mapping within the process's {@code limits}. */
  public static int run(Duration budget, MappingLimits limits) {
    Provider provider =
        Provider.of(
            "warm-up", URI.create("https://warm-up.invalid/scim/v2"), Credential.inline("none"));
    Mappings mappings = ProviderMappings.compile(provider, ObjectType.USER, limits);
    PayloadBuilder payloads =
        new PayloadBuilder(
            new InMemoryDirectoryStore(new InMemoryChangeFeed(Clock.systemUTC())),
            new InMemorySyncStateStore(),
            new ScimSchemaValidator());
    long deadline = System.nanoTime() + budget.toNanos();
    int users = 0;
    while (users < USERS && System.nanoTime() < deadline) {
      ObjectNode resource =
          payloads.build(provider, mappings, ObjectType.USER, input(users++)).requireValid();
      PayloadHash.of(resource);
      write(resource);
    }
    return users;
  }

  /**
   * Every third with a manager on a target that announces the Enterprise User extension, as the
   * worker makes the input ({@link PayloadBuilder#user}).
   */
  private static MappingInput input(int i) {
    ObjectSyncState manager =
        i % 3 == 0
            ? ObjectSyncState.builder("warm-up", ObjectType.USER, "m-" + i)
                .remoteId("R-" + i)
                .outcome(SyncOutcome.CREATED)
                .build()
            : null;
    return PayloadBuilder.user(PayloadBuilder.UNASKED, user(i), manager);
  }

  private static DirectoryUser user(int i) {
    String name = "warm-up-" + i;
    return new DirectoryUser(
        name,
        name,
        "Warm Up " + i,
        name + "@example.org",
        i % 7 != 0,
        i % 3 == 0
            ? Map.of("title", "Engineer", "department", "R&D", "manager", "m-" + i)
            : Map.of());
  }

  private static void write(ObjectNode resource) {
    try {
      JSON.writeValueAsBytes(resource);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("warm-up: " + e.getMessage(), e);
    }
  }
}
