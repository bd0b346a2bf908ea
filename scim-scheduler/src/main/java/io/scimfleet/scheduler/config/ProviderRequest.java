package io.scimfleet.scheduler.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A provider's settings as the API body ({@code PUT /api/v1/providers/{name}}) and the YAML file
 * give them: a value for some of the {@link ProviderField}s, each read as that field's type, any
 * other name refused. Absent fields take the defaults of {@link io.scimfleet.model.Provider#of}.
 * Turned into a provider by {@link ProviderConversion}, the one validation path of both;
 * docs/api.md describes each field. {@link #toString()} never shows the token.
 */
@JsonDeserialize(using = ProviderRequest.Reader.class)
public final class ProviderRequest {
  private final Map<ProviderField, Object> values;

  private ProviderRequest(Map<ProviderField, Object> values) {
    this.values = values;
  }

  /** A request that gives no field. */
  public static ProviderRequest empty() {
    return new ProviderRequest(new EnumMap<>(ProviderField.class));
  }

  /** This request with {@code field} given as {@code value} (null: absent). */
  public ProviderRequest with(ProviderField field, @Nullable Object value) {
    if (field.type() == null)
      throw new IllegalArgumentException(field.jsonName() + " is shown, never given");
    Map<ProviderField, Object> copy = new EnumMap<>(ProviderField.class);
    copy.putAll(values);
    if (value == null) copy.remove(field);
    else copy.put(field, value);
    return new ProviderRequest(copy);
  }

  /** The value given for this field, or null. */
  @Nullable Object get(ProviderField field) {
    return values.get(field);
  }

  /** The text given for this field, or null. */
  @Nullable String text(ProviderField field) {
    return (String) values.get(field);
  }

  @Override
  public String toString() {
    return "ProviderRequest["
        + values.get(ProviderField.BASE_URL)
        + (values.containsKey(ProviderField.TOKEN) ? " token=***" : "")
        + shown(ProviderField.TOKEN_FILE)
        + shown(ProviderField.TOKEN_ENV)
        + shown(ProviderField.AUTH)
        + "]";
  }

  private String shown(ProviderField field) {
    Object value = values.get(field);
    return value == null ? "" : " " + field.jsonName() + "=" + value;
  }

  /**
   * Reads a JSON object field by field, each as its {@link ProviderField}'s type: an unknown name,
   * or a value of the wrong type, fails as Jackson's binding of a record would, naming the field.
   */
  static final class Reader extends StdDeserializer<ProviderRequest> {
    private static final long serialVersionUID = 1L;

    Reader() {
      super(ProviderRequest.class);
    }

    @Override
    public ProviderRequest deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.START_OBJECT) token = p.nextToken();
      Map<ProviderField, Object> values = new EnumMap<>(ProviderField.class);
      for (; token == JsonToken.FIELD_NAME; token = p.nextToken()) {
        String name = p.currentName();
        JsonToken valueToken = p.nextToken();
        ProviderField field = ProviderField.accepted(name);
        if (field == null) {
          ctxt.handleUnknownProperty(p, this, ProviderRequest.class, name);
        } else if (valueToken == JsonToken.VALUE_NULL) {
          values.remove(field);
        } else {
          values.put(field, read(p, ctxt, field));
        }
      }
      if (token != JsonToken.END_OBJECT)
        return (ProviderRequest) ctxt.handleUnexpectedToken(ProviderRequest.class, p);
      return new ProviderRequest(values);
    }

    private static Object read(JsonParser p, DeserializationContext ctxt, ProviderField field)
        throws IOException {
      try {
        return ctxt.readValue(p, field.type());
      } catch (JsonMappingException e) {
        throw JsonMappingException.wrapWithPath(e, ProviderRequest.class, field.jsonName());
      }
    }

    @Override
    public Collection<Object> getKnownPropertyNames() {
      return ProviderField.acceptedNames();
    }
  }
}
