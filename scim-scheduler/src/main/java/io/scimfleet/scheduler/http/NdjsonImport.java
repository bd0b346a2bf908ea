package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.config.ImportLimits;
import io.scimfleet.error.FleetException;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.store.DirectoryStore;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Loads a directory from NDJSON, one {@code {"type":"user","id":...}} or {@code
 * {"type":"group",...}} per line, streamed: users are stored in batches as they arrive; group lines
 * are checked at once, spooled to a temporary file and stored after the last line, so that a group
 * may name members that appear later in the file. A bad line is reported with its number and the
 * rest goes on. A user line may carry {@code password}: checked like {@code PUT
 * /api/v1/users/{id}/password}, and set (sealed) right after its user is stored; a line that does
 * not parse and mentions a password is reported without the parser's words, which quote the line.
 * Past the line limit (or the byte limit of the body) the import stops: the users read so far are
 * stored, the group lines are not.
 */
public final class NdjsonImport {
  public static final int MAX_ERRORS = 100;
  static final int USER_BATCH = 500;

  private final DirectoryStore directory;
  private final @Nullable PasswordChanges passwords;
  private final int maxLineChars;
  private final ImportLimits limits;
  private final List<ImportResult.LineError> errors = new ArrayList<>();
  private final List<DirectoryUser> batch = new ArrayList<>();
  private final Map<String, String> batchPasswords = new LinkedHashMap<>();
  private long errorCount;
  private long users;
  private long groups;

  private NdjsonImport(
      DirectoryStore directory,
      @Nullable PasswordChanges passwords,
      int maxLineChars,
      ImportLimits limits) {
    this.directory = directory;
    this.passwords = passwords;
    this.maxLineChars = maxLineChars;
    this.limits = limits;
  }

  /**
   * Reads {@code in} to its end; lines longer than {@code maxLineChars} are refused, and so are
   * passwords.
   */
  public static ImportResult run(DirectoryStore directory, Reader in, int maxLineChars)
      throws IOException {
    return new NdjsonImport(
            directory, null, maxLineChars, new ImportLimits(Long.MAX_VALUE, Long.MAX_VALUE))
        .load(in);
  }

  /**
   * Reads {@code in} to its end; lines longer than {@code maxLineChars} are refused.
   *
   * @throws ImportLimitException past {@code limits.maxLines()} lines (or when {@code in} is past
   *     its byte cap), with the users stored before it; the group lines read are dropped
   */
  static ImportResult run(
      DirectoryStore directory,
      PasswordChanges passwords,
      Reader in,
      int maxLineChars,
      ImportLimits limits)
      throws IOException {
    return new NdjsonImport(directory, passwords, maxLineChars, limits).load(in);
  }

  /**
   * The group spool holds the group lines read, so it is never larger than the body, itself at most
   * {@code SCIM_MAX_IMPORT_BYTES}; it is deleted when the import ends, whichever way.
   */
  private ImportResult load(Reader in) throws IOException {
    Path spool = Files.createTempFile("scim-import-groups", ".ndjson");
    try {
      try (BufferedWriter groupLines = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
        readLines(new BoundedLines(in, maxLineChars), groupLines);
      } catch (ImportLimitException e) {
        flushUsers();
        throw e.withStored(new ImportResult(users, 0, List.copyOf(errors), errorCount));
      }
      flushUsers();
      storeGroups(spool);
      return new ImportResult(users, groups, List.copyOf(errors), errorCount);
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  private void readLines(BoundedLines lines, BufferedWriter groupLines) throws IOException {
    for (String line; (line = lines.next()) != null; ) {
      long number = lines.number();
      if (number > limits.maxLines()) {
        throw new ImportLimitException(
            "the import has more than SCIM_MAX_IMPORT_LINES ("
                + limits.maxLines()
                + ") lines: split it into smaller imports, or raise the limit");
      }
      if (line.isBlank()) continue;
      if (line.length() > maxLineChars) {
        refuse(number, "line is longer than " + maxLineChars + " characters");
        continue;
      }
      try {
        readLine(number, line, groupLines);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        if (line.contains("password"))
          refuse(
              number,
              "malformed JSON (the parser's words are not kept: the line holds a password)");
        else refuseOrThrow(number, e);
      } catch (Exception e) {
        refuseOrThrow(number, e);
      }
    }
  }

  private void readLine(long number, String line, BufferedWriter groupLines) throws IOException {
    JsonNode node = ApiJson.MAPPER.readTree(line);
    if (node == null || !node.isObject()) throw ApiException.badRequest("expected a JSON object");
    ObjectNode fields = (ObjectNode) node;
    String type = text(fields.remove("type"));
    String id = text(fields.remove("id"));
    if ("user".equals(type)) {
      String password =
          fields.has("password") ? PasswordChanges.require(fields.remove("password")) : null;
      DirectoryUser user = ApiJson.MAPPER.treeToValue(fields, UserRequest.class).toUser(id);
      if (password != null) {
        if (passwords == null)
          throw ApiException.badRequest(
              "password is not taken here: set it with PUT /api/v1/users/{id}/password");
        passwords.requireKey();
      }
      batch.add(user);
      if (password != null) batchPasswords.put(user.id(), password);
      if (batch.size() >= USER_BATCH) flushUsers();
    } else if ("group".equals(type)) {
      ApiJson.MAPPER.treeToValue(fields, GroupRequest.class).toGroup(id);
      groupLines.write(number + "\t" + line);
      groupLines.newLine();
    } else {
      throw ApiException.badRequest(
          "\"type\" must be \"user\" or \"group\", not "
              + (type == null ? "missing" : "\"" + type + "\""));
    }
  }

  /**
   * The users first, then their passwords: a password change is routed only for a user that exists.
   */
  private void flushUsers() {
    if (batch.isEmpty()) return;
    directory.putUsers(batch);
    users += batch.size();
    batch.clear();
    if (!batchPasswords.isEmpty()) {
      PasswordChanges to =
          Objects.requireNonNull(passwords, "a password is batched only where passwords are taken");
      batchPasswords.forEach(to::set);
    }
    batchPasswords.clear();
  }

  private void storeGroups(Path spool) throws IOException {
    List<Nesting> nestings = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
      for (String entry; (entry = in.readLine()) != null; ) {
        int tab = entry.indexOf('\t');
        long number = Long.parseLong(entry.substring(0, tab));
        try {
          ObjectNode fields = (ObjectNode) ApiJson.MAPPER.readTree(entry.substring(tab + 1));
          fields.remove("type");
          String id = text(fields.remove("id"));
          GroupRequest request = ApiJson.MAPPER.treeToValue(fields, GroupRequest.class);
          DirectoryGroup group = request.toGroup(id);
          directory.putGroup(group, request.members(), null);
          if (request.memberGroups() != null)
            nestings.add(new Nesting(number, group, request.memberGroups()));
          groups++;
        } catch (Exception e) {
          refuseOrThrow(number, e);
        }
      }
    }
    storeNestings(nestings);
  }

  /**
   * A group line's nesting, kept until every group of the import is stored: a child may come later
   * in the file.
   */
  private record Nesting(long line, DirectoryGroup group, List<String> memberGroups) {}

  private void storeNestings(List<Nesting> nestings) {
    for (Nesting nesting : nestings) {
      try {
        directory.putGroup(nesting.group(), null, nesting.memberGroups());
      } catch (Exception e) {
        refuseOrThrow(nesting.line(), e);
      }
    }
  }

  /** A line's fault is reported; an unreachable store ends the import. */
  private void refuseOrThrow(long number, Exception e) {
    if (e instanceof FleetException fleet && fleet.retryable()) throw fleet;
    if (!(e instanceof RuntimeException)
        && !(e instanceof com.fasterxml.jackson.core.JsonProcessingException)) {
      throw new IllegalStateException(e);
    }
    refuse(number, ApiErrors.message(e));
  }

  private void refuse(long number, String error) {
    errorCount++;
    if (errors.size() < MAX_ERRORS) errors.add(new ImportResult.LineError(number, error));
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
