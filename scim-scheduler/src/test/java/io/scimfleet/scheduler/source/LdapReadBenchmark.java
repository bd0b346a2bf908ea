package io.scimfleet.scheduler.source;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.TestSecurity;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real slapd with N entries (users, and groups of 100 members), read by one source into the
 * fleet's directory on Redis: the first full read (time, heap growth and peak), an unchanged full
 * read, one poll, and the change latency of polling (a modify in LDAP until the directory store has
 * it). Run with {@code bench/ldap.sh [entries] [pollSeconds] [changes]}.
 */
public final class LdapReadBenchmark {
  private LdapReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int pollSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int changes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int groups = Math.max(1, entries / 100);
    int users = entries - groups;
    try (Slapd slapd = Slapd.start();
        RedisFixture redis = RedisFixture.open(LdapReadBenchmark.class)) {
      long loadStart = System.nanoTime();
      load(slapd, users, groups);
      System.out.printf(
          "loaded %d users and %d groups into slapd in %.1f s%n", users, groups, secs(loadStart));
      Stores stores = RedisStores.create(redis.pool(), redis.prefix());
      RedisSourceStore store = new RedisSourceStore(redis.pool(), redis.prefix());
      SourcePasswords passwords =
          new SourcePasswords(
              TestSecurity.settings().secrets(), Map.of("SCIM_SOURCE_BENCH", Slapd.PASSWORD)::get);
      SourceRegistry registry = new SourceRegistry(store, stores.directory(), passwords);
      Source source = registry.put("bench", request(slapd, pollSeconds, "modifyTimestamp"));
      SourceRunner runner =
          new SourceRunner(
              store,
              stores.directory(),
              passwords,
              new SourceMetrics(new SimpleMeterRegistry()),
              Clock.systemUTC(),
              "bench");

      long searchStart = System.nanoTime();
      int found =
          io.scimfleet.scheduler.source.ldap.LdapReader.fullRead(source, Slapd.PASSWORD)
              .users()
              .size();
      System.out.printf("the LDAP searches alone (%d users): %.1f s%n", found, secs(searchStart));
      HeapWatch heap = HeapWatch.start();
      long start = System.nanoTime();
      if (!runner.read(source, true))
        throw new IllegalStateException(store.status("bench").orElseThrow().lastError());
      double first = secs(start);
      heap.stop();
      System.out.printf(
          "first full read: %.1f s (%.0f entries/s), %d users and %d groups in the directory store; heap: +%d MiB after GC, peak %d MiB (baseline %d MiB)%n",
          first,
          entries / first,
          stores.directory().userCount(),
          stores.directory().groupCount(),
          heap.retainedMiB(),
          heap.peakMiB(),
          heap.baselineMiB());
      start = System.nanoTime();
      runner.read(source, true);
      System.out.printf("unchanged full read: %.1f s%n", secs(start));
      start = System.nanoTime();
      runner.read(source, false);
      System.out.printf(
          "one poll with nothing changed (listing %d ids + changed entries): %.2f s%n",
          entries, secs(start));

      runner.close();
      for (String mode : List.of("modifyTimestamp", "syncrepl")) {
        Source measured = registry.put("bench", request(slapd, pollSeconds, mode));
        SourceRunner modeRunner =
            new SourceRunner(
                store,
                stores.directory(),
                passwords,
                new SourceMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC(),
                "bench-" + mode);
        modeRunner.read(measured, true);
        start = System.nanoTime();
        modeRunner.read(measured, false);
        System.out.printf("%s: one poll with nothing changed: %.2f s%n", mode, secs(start));
        java.time.Instant started = java.time.Instant.now();
        modeRunner.start();
        // the runner's first tick reads fully: measure the changes after it
        while (store
            .status("bench")
            .map(SourceStatus::lastFullRead)
            .filter(t -> t.isAfter(started))
            .isEmpty())
          Thread.sleep(100); // a benchmark's wait, not a test's: polls the source's status
        latency(slapd, stores, users, changes, pollSeconds, mode);
        modeRunner.close();
      }
    }
  }

  private static SourceRequest request(Slapd slapd, int pollSeconds, String mode) {
    return new SourceRequest(
        "ldap",
        true,
        List.of(slapd.url()),
        null,
        null,
        Slapd.ADMIN,
        null,
        null,
        "SCIM_SOURCE_BENCH",
        Slapd.BASE,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        500,
        pollSeconds,
        mode,
        null,
        20,
        120);
  }

  /** Modifies users one after the other and times each until the directory store has it. */
  private static void latency(
      Slapd slapd, Stores stores, int users, int changes, int pollSeconds, String mode)
      throws Exception {
    List<Double> latencies = new ArrayList<>();
    try (LDAPConnection ldap = slapd.connect()) {
      for (int i = 0; i < changes; i++) {
        String uid = String.format("user%06d", i * 7 % users);
        String mail = mode + i + "@example.org";
        String id = ldap.getEntry(person(uid), "entryUUID").getAttributeValue("entryUUID");
        long changed = System.nanoTime();
        ldap.modify(person(uid), new Modification(ModificationType.REPLACE, "mail", mail));
        while (!mail.equals(stores.directory().user(id).map(u -> u.email()).orElse(null)))
          Thread.sleep(20); // the latency's resolution: polls the directory for the change
        latencies.add(secs(changed));
      }
    }
    Collections.sort(latencies);
    System.out.printf(
        "%s: change latency with polls every %d s over %d changes: median %.2f s, max %.2f s%n",
        mode,
        pollSeconds,
        changes,
        latencies.get(latencies.size() / 2),
        latencies.get(latencies.size() - 1));
  }

  private static void load(Slapd slapd, int users, int groups) throws Exception {
    try (LDAPConnection ldap = slapd.connect()) {
      for (int i = 0; i < users; i++) {
        String uid = String.format("user%06d", i);
        ldap.add(
            "dn: " + person(uid),
            "objectClass: inetOrgPerson",
            "uid: " + uid,
            "cn: User " + i,
            "sn: N" + i,
            "mail: " + uid + "@example.org",
            "title: Engineer");
      }
      for (int g = 0; g < groups; g++) {
        List<String> lines =
            new ArrayList<>(
                List.of(
                    "dn: cn=group" + g + ",ou=groups," + Slapd.BASE,
                    "objectClass: groupOfNames",
                    "cn: group" + g));
        for (int m = 0; m < 100; m++)
          lines.add("member: " + person(String.format("user%06d", (g * 100 + m) % users)));
        ldap.add(lines.toArray(String[]::new));
      }
    }
  }

  private static String person(String uid) {
    return "uid=" + uid + ",ou=people," + Slapd.BASE;
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** Heap in use sampled every 20 ms during a read: its peak, and what stays after a GC. */
  private static final class HeapWatch {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private long baseline;
    private long retained;
    private Thread sampler;

    static HeapWatch start() {
      HeapWatch watch = new HeapWatch();
      System.gc();
      watch.baseline = watch.used();
      watch.sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  watch.peak.accumulateAndGet(watch.used(), Math::max);
                  try {
                    Thread.sleep(20); // samples the heap every 20 ms
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      watch.sampler.setDaemon(true);
      watch.sampler.start();
      return watch;
    }

    void stop() throws InterruptedException {
      sampler.interrupt();
      sampler.join();
      System.gc();
      retained = used() - baseline;
    }

    private long used() {
      return memory.getHeapMemoryUsage().getUsed();
    }

    long baselineMiB() {
      return baseline >> 20;
    }

    long peakMiB() {
      return peak.get() >> 20;
    }

    long retainedMiB() {
      return retained >> 20;
    }
  }
}
