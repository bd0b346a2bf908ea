package io.scimfleet.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a person can read from an error body: the SCIM {@code detail} and {@code scimType}, another
 * common message field, an HTML page's {@code <title>}, or the first 200 characters of the text.
 */
record ErrorBody(@Nullable String scimType, String detail) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TITLE =
      Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final String[] MESSAGE_FIELDS = {
    "detail", "message", "error_description", "error", "title"
  };
  static final int MAX_TEXT = 200;

  static ErrorBody parse(String body) {
    if (body == null || body.isBlank())
      return new ErrorBody(null, "no details in the response body");
    JsonNode json = readJson(body);
    return json != null && json.isObject() ? fromJson(json) : new ErrorBody(null, readable(body));
  }

  private static ErrorBody fromJson(JsonNode json) {
    String scimType = json.path("scimType").isValueNode() ? json.path("scimType").asText() : null;
    for (String field : MESSAGE_FIELDS) {
      if (json.path(field).isValueNode()) return new ErrorBody(scimType, json.path(field).asText());
    }
    return new ErrorBody(scimType, clip(collapse(json.toString())));
  }

  /** An HTML page's title, else its text without tags; whitespace collapsed, at most 200 chars. */
  static String readable(String body) {
    Matcher title = TITLE.matcher(body);
    String text = title.find() ? title.group(1) : TAG.matcher(body).replaceAll(" ");
    String readable = clip(collapse(text));
    return readable.isEmpty() ? "no readable text in the response body" : readable;
  }

  private static @Nullable JsonNode readJson(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      return null;
    }
  }

  private static String collapse(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  private static String clip(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
  }
}
