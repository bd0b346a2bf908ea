package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.model.Change;
import io.scimfleet.secret.SecretBinding;
import io.scimfleet.secret.SecretBox;
import io.scimfleet.store.Stores;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a user's new password: checks it (a string of 1 to {@value #MAX_CHARS} characters), seals
 * it with the key ({@code SCIM_SECRET_KEY}), keeps it in the password store for {@code
 * SCIM_PASSWORD_TTL} and appends a password change to the feed. The clear text goes nowhere else:
 * not in a message, not in a log line, not in the change.
 */
final class PasswordChanges {
  static final int MAX_CHARS = 1024;
  static final String NO_KEY =
      "password changes are refused: passwords are kept only encrypted and this scheduler "
          + "has no key; set SCIM_SECRET_KEY (or SCIM_SECRET_KEY_FILE) on the scheduler and the workers to the output of "
          + "'openssl rand -base64 32'";

  private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

  private final Stores stores;
  private final SecuritySettings security;
  private final AtomicBoolean droppedOnce = new AtomicBoolean();

  PasswordChanges(Stores stores, SecuritySettings security) {
    this.stores = stores;
    this.security = security;
  }

  /**
   * The body of {@code PUT /api/v1/users/{id}/password}: an object with {@code password} and
   * nothing else.
   */
  static String fromBody(JsonNode body) {
    if (body == null || !body.isObject())
      throw ApiException.badRequest("expected a JSON object {\"password\": \"...\"}");
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals("password"))
                throw ApiException.badRequest(
                    "unknown field '" + name + "'; known fields: password");
            });
    return require(body.get("password"));
  }

  /**
   * A password field, checked: a string of 1 to {@value #MAX_CHARS} characters. Messages never
   * quote it.
   */
  static String require(JsonNode field) {
    if (field == null || field.isNull()) throw ApiException.badRequest("password is required");
    if (!field.isTextual())
      throw ApiException.badRequest("password must be a string, not " + kind(field));
    String password = field.textValue();
    if (password.isEmpty()) throw ApiException.badRequest("password must not be empty");
    if (password.codePointCount(0, password.length()) > MAX_CHARS) {
      throw ApiException.badRequest("password must be at most " + MAX_CHARS + " characters");
    }
    return password;
  }

  /** Refused with 501 when there is no key: a password is never stored in clear. */
  void requireKey() {
    box();
  }

  /** Seals and keeps the password, then appends its change. */
  void set(String userId, String password) {
    String sealed = box().seal(password, SecretBinding.password(userId));
    stores.passwords().put(userId, sealed, security.passwordTtl());
    stores.changes().append(Change.password(userId));
  }

  /**
   * A password an identity provider sent with a user: kept as {@link #set} does when the fleet has
   * a key, else dropped with one log line per process (the user is written either way).
   */
  void setIfKept(String userId, String password) {
    if (security.secrets().box().isPresent()) {
      set(userId, password);
    } else if (!droppedOnce.getAndSet(true)) {
      log.warn(
          "a password sent to /scim/v2 was dropped (and later ones will be, silently): {}", NO_KEY);
    }
  }

  private SecretBox box() {
    return security.secrets().box().orElseThrow(() -> new ApiException(501, NO_KEY));
  }

  private static String kind(JsonNode field) {
    if (field.isNumber()) return "a number";
    if (field.isBoolean()) return "a boolean";
    if (field.isArray()) return "an array";
    return "an object";
  }
}
