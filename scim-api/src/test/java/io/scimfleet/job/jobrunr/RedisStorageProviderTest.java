package io.scimfleet.job.jobrunr;

import io.scimfleet.testing.TestRedis;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderTest;
import org.junit.jupiter.api.AfterAll;

/**
 * JobRunr's own storage contract ({@code StorageProviderTest} from {@code
 * org.jobrunr:jobrunr:test-fixtures}, every test of it) against {@link RedisStorageProvider} on the
 * real Redis, under a key prefix of its own that each test empties first.
 *
 * <p>Skipped: only {@code testPerformance}, which JobRunr itself marks {@code @Disabled} (a million
 * jobs).
 */
class RedisStorageProviderTest extends StorageProviderTest {
  private static final String PREFIX = TestRedis.uniquePrefix("jobrunr-contract");
  private static final redis.clients.jedis.JedisPool POOL = TestRedis.pool();

  /** One per test: JobRunr's set-up asks for it twice and expects the same one. */
  private RedisStorageProvider storage;

  @Override
  protected void cleanup(int testMethodIndex) {
    TestRedis.deleteKeys(POOL, PREFIX);
    storage = new RedisStorageProvider(POOL, PREFIX);
  }

  @Override
  protected StorageProvider getStorageProvider() {
    return storage;
  }

  @AfterAll
  static void removeKeys() {
    TestRedis.deleteKeys(POOL, PREFIX);
  }
}
