package io.scimfleet.scheduler.source;

import io.scimfleet.error.FleetException;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scheduler.source.ldap.ContentSync;
import io.scimfleet.scheduler.source.ldap.DirectoryRead;
import io.scimfleet.scheduler.source.ldap.LdapGroup;
import io.scimfleet.scheduler.source.ldap.LdapReader;
import io.scimfleet.scheduler.source.ldap.LdapUser;
import io.scimfleet.scheduler.source.ldap.SourceReadException;
import io.scimfleet.store.DirectoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the sources on this scheduler: every second it takes or renews each enabled source's lease
 * (so one scheduler reads a source, whatever their number) and runs what is due: a full read when
 * the source is new or changed, when one was requested, and every {@code fullReadMinutes}; a poll
 * every {@code pollSeconds} otherwise. A read that fails (server, bind, timeout, password) writes
 * and deletes nothing and goes into the status.
 */
public final class SourceRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);
  static final Duration LEASE = Duration.ofMinutes(2);

  private final SourceStore store;
  private final SourcePasswords passwords;
  private final SourceWriter writer;
  private final SourceDeletions deletions;
  private final SourceMetrics metrics;
  private final Clock clock;
  private final String holder;
  private final Map<String, Due> due = new HashMap<>();
  private @Nullable ScheduledExecutorService timer;
  private @Nullable ScheduledFuture<?> ticks;

  /** When the next reads of one source are due, for the settings they were planned with. */
  private record Due(Source settings, Instant fullRead, Instant poll) {}

  public SourceRunner(
      SourceStore store,
      DirectoryStore directory,
      SourcePasswords passwords,
      SourceMetrics metrics,
      Clock clock,
      String holder) {
    this.store = store;
    this.passwords = passwords;
    this.writer = new SourceWriter(directory, store);
    this.deletions = new SourceDeletions(directory, store);
    this.metrics = metrics;
    this.clock = clock;
    this.holder = holder;
  }

  public void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "scim-sources");
              thread.setDaemon(true);
              return thread;
            });
    ticks = timer.scheduleWithFixedDelay(this::tickSafely, 1, 1, TimeUnit.SECONDS);
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("sources: {}", e.getMessage());
    }
  }

  /** One round over the sources: reads what is due on the ones this scheduler holds. */
  public synchronized void tick() {
    Set<String> seen = new HashSet<>();
    for (Source source : store.list()) {
      seen.add(source.name());
      if (!source.enabled() || !store.lease(source.name(), holder, LEASE)) {
        // another scheduler reads it now: this one's gauge must not keep an old failure
        if (due.remove(source.name()) != null) metrics.failing(source.name(), false);
        if (!source.enabled()) store.releaseLease(source.name(), holder);
        continue;
      }
      runDue(source);
    }
    due.keySet().retainAll(seen);
  }

  private void runDue(Source source) {
    Instant now = clock.instant();
    Due next = due.get(source.name());
    boolean requested = store.takeReadRequest(source.name());
    if (next == null
        || !next.settings().equals(source)
        || requested
        || !now.isBefore(next.fullRead())) {
      boolean ok = read(source, true);
      due.put(
          source.name(),
          new Due(
              source,
              now.plus(
                  ok
                      ? Duration.ofMinutes(source.fullReadMinutes())
                      : Duration.ofSeconds(source.pollSeconds())),
              now.plusSeconds(source.pollSeconds())));
    } else if (!now.isBefore(next.poll())) {
      // a failed poll (a server restarted with a new database refuses the old cookie) is followed
      // by a full read, which takes a fresh cookie or timestamp
      boolean ok = read(source, false);
      due.put(
          source.name(),
          new Due(source, ok ? next.fullRead() : now, now.plusSeconds(source.pollSeconds())));
    }
  }

  /** Reads the source and writes what changed; false when the read failed. */
  boolean read(Source source, boolean full) {
    Instant start = clock.instant();
    SourceStatus status = store.status(source.name()).orElse(SourceStatus.initial());
    try {
      String password = passwords.resolve(source);
      boolean wasFull = full || status.mark() == null;
      DirectoryRead read =
          wasFull ? LdapReader.fullRead(source, password) : poll(source, password, status.mark());
      SourceStatus.Outcome outcome = writer.apply(source, read);
      Instant end = clock.instant();
      Duration took = Duration.between(start, end);
      if (wasFull)
        status =
            status.withMode(
                (ContentSync.isCookie(read.mark())
                        ? ChangeDetection.SYNCREPL
                        : ChangeDetection.MODIFY_TIMESTAMP)
                    .label(),
                read.announced());
      store.putStatus(
          source.name(), status.succeeded(outcome, wasFull, end, took.toMillis() / 1000.0, holder));
      record(source.name(), outcome, wasFull, took, false);
      return true;
    } catch (SourceReadException | FleetException e) {
      log.warn("source {}: read failed, nothing deleted: {}", source.name(), e.getMessage());
      return failed(source, status, Objects.requireNonNullElse(e.getMessage(), e.toString()));
    } catch (RuntimeException e) {
      log.error("source {}: read failed", source.name(), e);
      return failed(source, status, "internal error: see the scheduler log (" + e + ")");
    }
  }

  private boolean failed(Source source, SourceStatus status, String error) {
    store.putStatus(source.name(), status.failed(error, clock.instant(), holder));
    metrics.failed(source.name());
    metrics.failing(source.name(), true);
    return false;
  }

  /** Content sync with the last cookie, or the entries changed since the last modifyTimestamp. */
  private DirectoryRead poll(Source source, @Nullable String password, @Nullable String mark) {
    if (mark != null && ContentSync.isCookie(mark))
      return withUnseen(
          source,
          password,
          ContentSync.poll(
              source,
              password,
              mark,
              store.owned(source.name(), ObjectType.USER),
              store.owned(source.name(), ObjectType.GROUP)));
    return withUnseen(source, password, LdapReader.poll(source, password, mark));
  }

  private void record(
      String source, SourceStatus.Outcome outcome, boolean full, Duration took, boolean failing) {
    metrics.read(source, full, took);
    metrics.objects(source, ObjectType.USER, outcome.users());
    metrics.objects(source, ObjectType.GROUP, outcome.groups());
    metrics.failing(source, failing);
    metrics.held(source, deletions.heldCount(source));
  }

  /**
   * A poll finds changed entries by their {@code modifyTimestamp}; objects that entered the scope
   * without a change of their own (a wider filter, a moved base) are in the listing but not yet the
   * source's: they are read one by one.
   */
  private DirectoryRead withUnseen(Source source, @Nullable String password, DirectoryRead read) {
    List<String> users =
        unseen(
            read.userDns(),
            store.owned(source.name(), ObjectType.USER),
            read.users().stream().map(LdapUser::id).toList());
    List<String> groups =
        unseen(
            read.groupDns(),
            store.owned(source.name(), ObjectType.GROUP),
            read.groups().stream().map(LdapGroup::id).toList());
    if (users.isEmpty() && groups.isEmpty()) return read;
    List<LdapUser> moreUsers = new ArrayList<>();
    List<LdapGroup> moreGroups = new ArrayList<>();
    LdapReader.readEntries(
        source,
        password,
        users,
        groups,
        new LdapReader.DirectoryReadSink() {
          @Override
          public void user(LdapUser user) {
            moreUsers.add(user);
          }

          @Override
          public void group(LdapGroup group) {
            moreGroups.add(group);
          }
        });
    return read.plus(moreUsers, moreGroups);
  }

  private static List<String> unseen(
      Map<String, String> listed, Map<String, String> owned, List<String> changed) {
    Set<String> changedIds = new HashSet<>(changed);
    List<String> dns = new ArrayList<>();
    listed.forEach(
        (id, dn) -> {
          if (!owned.containsKey(id) && !changedIds.contains(id)) dns.add(dn);
        });
    return dns;
  }

  @Override
  public void close() {
    if (ticks != null) ticks.cancel(false);
    if (timer != null) timer.shutdownNow();
    for (String source : List.copyOf(due.keySet())) store.releaseLease(source, holder);
  }
}
