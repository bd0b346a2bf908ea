package io.scimfleet.testing.scimple;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.directory.scim.server.configuration.ServerConfiguration;
import org.apache.directory.scim.server.rest.ScimResourceHelper;
import org.apache.directory.scim.spec.schema.ServiceProviderConfiguration;

/**
 * A second SCIM 2.0 server none of us wrote, Apache SCIMple (org.apache.directory.scimple, from
 * Maven Central), as a process of its own: SCIMple's JAX-RS resources on Jersey + Grizzly with Weld
 * SE, our {@link ScimpleUsers} and {@link ScimpleGroups} as its storage (SCIMple ships none), a
 * bearer token checked in front, each request held {@code latencyMs} first, and the same {@code
 * /bench} route as {@link io.scimfleet.testing.BenchTarget} (writes taken, when each user was
 * created). Prints {@code bench-target <baseUrl> <token>} once it listens and serves until killed.
 * Run: {@code java -cp ... io.scimfleet.testing.scimple.ScimpleTarget [latencyMs]
 * [bulkMaxOperations=50]}.
 */
public final class ScimpleTarget {
  private static final Pattern USER_NAME = Pattern.compile("\"userName\"\\s*:\\s*\"([^\"]+)\"");
  private static final String TOKEN = UUID.randomUUID().toString();
  private static final AtomicLong WRITES = new AtomicLong();
  private static final AtomicLong READS = new AtomicLong();
  private static final AtomicLong FIRST_WRITE = new AtomicLong();
  private static final AtomicLong LAST_WRITE = new AtomicLong();
  private static final Map<String, Long> CREATED = new ConcurrentHashMap<>();
  private static volatile long latencyMs;
  private static volatile int bulkMaxOperations = 50;

  private ScimpleTarget() {}

  public static void main(String[] args) throws Exception {
    latencyMs = args.length > 0 ? Long.parseLong(args[0]) : 0;
    bulkMaxOperations = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    SeContainer unused =
        SeContainerInitializer.newInstance()
            .addBeanClasses(ScimpleUsers.class, ScimpleGroups.class, Settings.class)
            .initialize();
    jakarta.ws.rs.SeBootstrap.Instance server =
        jakarta.ws.rs.SeBootstrap.start(
                new ScimpleApplication(),
                jakarta.ws.rs.SeBootstrap.Configuration.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .rootPath("/")
                    .build())
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    // Weld SE closes its container in a shutdown hook of its own
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    System.out.println(
        "bench-target http://127.0.0.1:" + server.configuration().port() + " " + TOKEN);
    System.out.flush();
    Thread.currentThread().join();
  }

  /** SCIMple's resources, our gate in front of them and the {@code /bench} route. */
  public static final class ScimpleApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(ScimResourceHelper.scimpleFeatureAndResourceClasses());
      classes.add(Gate.class);
      classes.add(BenchRoutes.class);
      return classes;
    }
  }

  /** What SCIMple announces at /ServiceProviderConfig. */
  @ApplicationScoped
  public static class Settings {
    @Produces
    ServerConfiguration serverConfiguration() {
      return new ServerConfiguration()
          .setId("scim-fleet-scimple-target")
          .setBulkMaxOperations(bulkMaxOperations)
          // SCIMple's defaults announce a 1 KiB Bulk payload and no filtering; our repositories
          // filter (with SCIMple's matcher) and the Bulk limit is the operation count
          .setBulkMaxPayloadSize(16 * 1024 * 1024)
          .setSupportsFilter(true)
          .setFilterMaxResults(1000)
          .addAuthenticationSchema(ServiceProviderConfiguration.AuthenticationSchema.oauthBearer());
    }
  }

  /**
   * Before SCIMple: the bearer token (401 without it), the latency, the bench's write counts and
   * created userNames.
   */
  @Provider
  @PreMatching
  public static final class Gate implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) throws IOException {
      String path = request.getUriInfo().getPath();
      if (path.startsWith("bench") || path.startsWith("/bench")) return;
      if (!("Bearer " + TOKEN).equals(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
        request.abortWith(
            Response.status(401)
                .type("application/scim+json")
                .entity(
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                        + "\"status\":\"401\",\"detail\":\"a bearer token is required\"}")
                .build());
        return;
      }
      if (latencyMs > 0) pause();
      String method = request.getMethod();
      if (method.equals("GET")) {
        READS.incrementAndGet();
        return;
      }
      long now = System.currentTimeMillis();
      WRITES.incrementAndGet();
      FIRST_WRITE.compareAndSet(0, now);
      LAST_WRITE.set(now);
      if (method.equals("POST") && (path.endsWith("Users") || path.endsWith("Bulk"))) {
        byte[] body = request.getEntityStream().readAllBytes();
        Matcher name = USER_NAME.matcher(new String(body, StandardCharsets.UTF_8));
        while (name.find()) CREATED.putIfAbsent(name.group(1), System.currentTimeMillis());
        request.setEntityStream(new ByteArrayInputStream(body));
      }
    }

    private static void pause() {
      try {
        Thread.sleep(latencyMs); // the injected target latency the bench asks for (fault injection)
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * {@code /bench/counts}: "writes first last reads"; {@code /bench/reset}; {@code
   * /bench/created?prefix}: "userName millis" lines.
   */
  @Path("bench")
  public static final class BenchRoutes {
    @GET
    @Path("counts")
    @jakarta.ws.rs.Produces("text/plain")
    public String counts() {
      return WRITES.get() + " " + FIRST_WRITE.get() + " " + LAST_WRITE.get() + " " + READS.get();
    }

    @GET
    @Path("reset")
    @jakarta.ws.rs.Produces("text/plain")
    public String reset() {
      WRITES.set(0);
      READS.set(0);
      FIRST_WRITE.set(0);
      LAST_WRITE.set(0);
      return "ok";
    }

    @GET
    @Path("created")
    @jakarta.ws.rs.Produces("text/plain")
    public String created(@Context UriInfo uri) {
      String prefix = String.valueOf(uri.getRequestUri().getRawQuery());
      StringBuilder lines = new StringBuilder();
      CREATED.forEach(
          (name, time) -> {
            if (name.startsWith(prefix)) lines.append(name).append(' ').append(time).append('\n');
          });
      return lines.toString();
    }
  }
}
