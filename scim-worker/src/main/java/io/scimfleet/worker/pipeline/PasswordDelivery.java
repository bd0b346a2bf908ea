package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scim.PatchRequest;
import io.scimfleet.scim.ScimErrors;
import io.scimfleet.scim.ScimException;
import io.scimfleet.scim.ScimResource;
import io.scimfleet.secret.SecretBinding;
import io.scimfleet.secret.SecretBox;
import io.scimfleet.secret.SecretException;
import io.scimfleet.store.PasswordStore;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A user's new password on its way to one provider. It is looked for only when the provider has
 * {@code syncPasswords}; it goes in the create when the user is new to the target, otherwise as a
 * PATCH {@code replace} of {@code password} (a PUT of the whole user on a target without PATCH); it
 * is never part of the payload hash, so an unchanged sync never sends it again. Once sent, or
 * refused because the target takes no passwords, the provider is done with it. The clear text lives
 * only in the request being built: a failure of a request that carried it keeps the target's status
 * but not its words, which might quote it.
 */
final class PasswordDelivery {
  static final String NOT_SUPPORTED = "password changes not supported by the target";
  static final String DELIVERED = "delivered";
  static final String FAILED = "the target refused the password change";
  private static final String WITHHELD =
      "the target's detail is not kept: the request carried a password, which it may quote";
  private static final String NO_KEY =
      "a new password waits but this worker has no SCIM_SECRET_KEY to open it: give the "
          + "workers the scheduler's key";

  private final PasswordStore passwords;
  private final @Nullable SecretBox box;

  /**
   * @param box the key that opens the passwords; null: this worker has none
   */
  PasswordDelivery(PasswordStore passwords, @Nullable SecretBox box) {
    this.passwords = passwords;
    this.box = box;
  }

  /** A password opened for one request; its {@link #toString()} never shows it. */
  record Waiting(String changeId, String clear) {
    @Override
    public String toString() {
      return "Waiting[" + changeId + "]";
    }
  }

  /**
   * The hook that decides whether a target takes passwords: its ServiceProviderConfig says {@code
   * changePassword.supported: true}, unless the provider or its vendor profile turns it off ({@code
   * changePassword: off}).
   */
  static boolean targetAccepts(ProviderContext ctx) {
    return ctx.provider()
        .switches()
        .changePassword()
        .allows(ctx.client().capabilities().changePassword());
  }

  /** The sealed password waiting for this provider, when it syncs passwords; not yet opened. */
  Optional<PasswordStore.Pending> pending(ProviderContext ctx, String userId) {
    if (!ctx.provider().syncPasswords()) return Optional.empty();
    return passwords.pending(userId, ctx.name());
  }

  /** Opens the password, which opens only for the user it was sealed for. */
  Waiting open(String userId, PasswordStore.Pending pending) {
    if (box == null) throw new SecretException(NO_KEY);
    return new Waiting(
        pending.changeId(), box.open(pending.sealed(), SecretBinding.password(userId)));
  }

  /**
   * This provider is done with the password (sent, or refused by the target): it is deleted once
   * all are.
   */
  void done(ProviderContext ctx, String userId, String changeId) {
    passwords.done(userId, changeId, ctx.name());
  }

  /** A copy of the payload with the password, for a create. */
  static ObjectNode withPassword(ObjectNode payload, Waiting password) {
    ObjectNode copy = payload.deepCopy();
    copy.put("password", password.clear());
    return copy;
  }

  /** Replaces the password on the target; returns the new version, when the target sends one. */
  Optional<String> send(
      ProviderContext ctx,
      String remoteId,
      @Nullable String version,
      ObjectNode payload,
      Waiting password) {
    RemoteWriter.Versioned<Optional<ScimResource>> answer =
        scrubbed(
            () ->
                RemoteWriter.withCurrentVersion(
                    ctx,
                    ObjectType.USER,
                    remoteId,
                    version,
                    current -> write(ctx, remoteId, current, payload, password)));
    return answer
        .value()
        .flatMap(ScimResource::version)
        .or(() -> Optional.ofNullable(answer.version()));
  }

  private static Optional<ScimResource> write(
      ProviderContext ctx,
      String remoteId,
      @Nullable String version,
      ObjectNode payload,
      Waiting password) {
    if (!RemoteWriter.capabilities(ctx).patch()) {
      return Optional.of(
          ctx.client()
              .replace(
                  ObjectType.USER.endpoint(), remoteId, withPassword(payload, password), version));
    }
    PatchRequest patch = PatchRequest.builder().replace("password", password.clear()).build();
    return ctx.client().patch(ObjectType.USER.endpoint(), remoteId, patch, version);
  }

  /**
   * Runs a request that carries a password. Its failure keeps its kind, status and Retry-After (so
   * it is retried, or not, like any other), but not the target's words, which might quote the
   * password.
   */
  static <T> T scrubbed(Supplier<T> request) {
    try {
      return request.get();
    } catch (ScimException e) {
      throw ScimErrors.withDetail(e, WITHHELD);
    }
  }
}
