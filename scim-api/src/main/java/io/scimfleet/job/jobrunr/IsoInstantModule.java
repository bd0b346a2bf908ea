package io.scimfleet.job.jobrunr;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Job timestamps in JSON exactly as JobRunr writes and reads them ({@link Instant#toString()},
 * {@link Instant#parse}), without {@code DateTimeFormatter}: it was a quarter of a job's
 * deserialization. The common form, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} in the years 1970 to
 * 9999, is written and read by hand; any other goes through {@link Instant}.
 */
final class IsoInstantModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  IsoInstantModule() {
    super("fleet-iso-instants");
    addSerializer(Instant.class, new Writer());
    addDeserializer(Instant.class, new Reader());
  }

  /** Same text as {@link Instant#toString()}: fraction digits in groups of three, none at 0. */
  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
    if (seconds < 0 || day.getYear() > 9999) return instant.toString();
    int secondOfDay = Math.floorMod(seconds, 86_400);
    StringBuilder text = new StringBuilder(30);
    digits(text, day.getYear(), 4).append('-');
    digits(text, day.getMonthValue(), 2).append('-');
    digits(text, day.getDayOfMonth(), 2).append('T');
    digits(text, secondOfDay / 3600, 2).append(':');
    digits(text, secondOfDay / 60 % 60, 2).append(':');
    digits(text, secondOfDay % 60, 2);
    fraction(text, instant.getNano());
    return text.append('Z').toString();
  }

  private static void fraction(StringBuilder text, int nanos) {
    if (nanos == 0) return;
    text.append('.');
    if (nanos % 1_000_000 == 0) digits(text, nanos / 1_000_000, 3);
    else if (nanos % 1_000 == 0) digits(text, nanos / 1_000, 6);
    else digits(text, nanos, 9);
  }

  private static StringBuilder digits(StringBuilder text, int value, int width) {
    for (int unit = pow10(width - 1); unit > 0; unit /= 10)
      text.append((char) ('0' + value / unit % 10));
    return text;
  }

  private static int pow10(int exponent) {
    int value = 1;
    for (int i = 0; i < exponent; i++) value *= 10;
    return value;
  }

  /** What {@link Instant#parse} makes of the text; the common form without its formatter. */
  static Instant parse(String text) {
    Instant fast = parseCommon(text);
    return fast != null ? fast : Instant.parse(text);
  }

  /** Null when the text is not {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with valid fields. */
  private static @org.jspecify.annotations.Nullable Instant parseCommon(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || length == 21 || !shape(text)) return null;
    int hour = number(text, 11, 13);
    int minute = number(text, 14, 16);
    int second = number(text, 17, 19);
    if (hour > 23 || minute > 59 || second > 59) return null;
    int nanos = length == 20 ? 0 : nanos(text, length - 1);
    if (nanos < 0) return null;
    try {
      LocalDate day = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
      return Instant.ofEpochSecond(
          day.toEpochDay() * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    } catch (DateTimeException invalidDay) {
      return null;
    }
  }

  private static boolean shape(String text) {
    for (int i = 0; i < 19; i++) {
      char c = text.charAt(i);
      boolean ok =
          switch (i) {
            case 4, 7 -> c == '-';
            case 10 -> c == 'T';
            case 13, 16 -> c == ':';
            default -> c >= '0' && c <= '9';
          };
      if (!ok) return false;
    }
    return text.charAt(text.length() - 1) == 'Z' && (text.length() == 20 || text.charAt(19) == '.');
  }

  /** The fraction between the dot (index 19) and {@code end}, in nanoseconds; -1 if not digits. */
  private static int nanos(String text, int end) {
    int value = 0;
    for (int i = 20; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value * pow10(9 - (end - 20));
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) value = value * 10 + (text.charAt(i) - '0');
    return value;
  }

  private static final class Writer extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    Writer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant instant, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeString(format(instant));
    }
  }

  private static final class Reader extends StdDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    Reader() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(com.fasterxml.jackson.core.JsonParser json, DeserializationContext c)
        throws IOException {
      return parse(json.getText());
    }
  }
}
