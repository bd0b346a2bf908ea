package io.scimfleet.job.jobrunr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import java.util.regex.Pattern;
import org.jobrunr.JobRunrException;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.utils.mapper.JobParameterJsonMapperException;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr's JSON mapper limited to the fleet's job data. JobRunr's own mapper resolves every class
 * a job's JSON names (default typing with a laissez-faire validator, and job parameters by class
 * name): anyone who can write to Redis could make a worker instantiate any class on its class path.
 * Here:
 *
 * <ul>
 *   <li>before a job or recurring job is bound, its JSON is scanned and its {@code jobDetails} read
 *       as a tree (nothing instantiated): its handler must be {@link FleetJobRunner} and its one
 *       parameter a {@link FleetJobRequest}, else {@link RefusedJobData};
 *   <li>every polymorphic type id (JobRunr's {@code @class}, and the request inside a {@link
 *       FleetJobRequest}) must name a class of {@link #ALLOWED}: the fleet's requests, JobRunr's
 *       job states and context, {@code java.time} and the plain JDK collections and values.
 * </ul>
 *
 * <p>Timestamps are written and read as JobRunr does, without its formatter ({@link
 * IsoInstantModule}).
 */
final class FleetJsonMapper extends JacksonJsonMapper {
  /** Class names a job's JSON may name in a type id. */
  static final Pattern ALLOWED =
      Pattern.compile(
          "io\\.scimfleet\\.job\\.[A-Za-z0-9$]+"
              + "|io\\.scimfleet\\.job\\.jobrunr\\.FleetJobRequest"
              + "|org\\.jobrunr\\.jobs\\.[A-Za-z0-9.$]+"
              + "|java\\.time\\.[A-Za-z0-9]+"
              + "|java\\.util\\.(ArrayList|LinkedList|HashMap|LinkedHashMap|TreeMap|HashSet"
              + "|LinkedHashSet|TreeSet|UUID)"
              + "|java\\.util\\.(ImmutableCollections|Collections)\\$[A-Za-z0-9]+"
              + "|java\\.util\\.concurrent\\.(ConcurrentHashMap|ConcurrentLinkedQueue"
              + "|CopyOnWriteArrayList)"
              + "|java\\.lang\\.(String|Integer|Long|Double|Float|Short|Byte|Boolean|Character)");

  private static final PolymorphicTypeValidator VALIDATOR =
      BasicPolymorphicTypeValidator.builder()
          .allowIfSubType(ALLOWED)
          .allowIfSubTypeIsArray()
          .build();

  private static final ObjectMapper TREES = new ObjectMapper();

  /** Jobs are read and written with a reader and a writer made once (JobRunr's ask the mapper). */
  private final ObjectReader jobReader;

  private final ObjectWriter jobWriter;

  FleetJsonMapper() {
    this(new ObjectMapper());
  }

  /** {@code json} is configured in place by JobRunr's constructor ({@link #initObjectMapper}). */
  private FleetJsonMapper(ObjectMapper json) {
    super(json, false);
    this.jobReader = json.readerFor(Job.class);
    this.jobWriter = json.writerFor(Job.class);
  }

  @Override
  protected ObjectMapper initObjectMapper(ObjectMapper objectMapper, boolean moduleAutoDiscover) {
    return super.initObjectMapper(objectMapper, moduleAutoDiscover)
        .registerModule(new IsoInstantModule())
        .setPolymorphicTypeValidator(VALIDATOR)
        .activateDefaultTypingAsProperty(
            VALIDATOR, ObjectMapper.DefaultTyping.NON_CONCRETE_AND_ARRAYS, "@class");
  }

  @Override
  public String serialize(Object object) {
    if (!(object instanceof Job)) return super.serialize(object);
    try {
      return jobWriter.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new JobParameterJsonMapperException("The job parameters are not serializable.", e);
    }
  }

  @Override
  public <T> T deserialize(String json, Class<T> type) {
    if (type == Job.class || type == RecurringJob.class) requireFleetJob(json);
    try {
      return type == Job.class ? type.cast(readJob(json)) : super.deserialize(json, type);
    } catch (RuntimeException e) {
      if (refusedType(e)) throw new RefusedJobData("it names a class that is not allowed", e);
      throw e;
    }
  }

  /** What JobRunr's {@code deserialize} does, with the reader made once. */
  private Job readJob(String json) {
    try {
      return jobReader.readValue(json);
    } catch (InvalidDefinitionException e) {
      throw JobRunrException.configurationException(
          "Did you register all necessary Jackson Modules?", e);
    } catch (java.io.IOException e) {
      throw JobRunrException.shouldNotHappenException(e);
    }
  }

  /**
   * Checks the classes JobRunr would load by name (handler and parameters) on the plain tree of
   * each top-level {@code jobDetails} (a repeated one too); the rest of the JSON is only scanned.
   */
  static void requireFleetJob(String json) {
    int checked = 0;
    try (JsonParser parser = TREES.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT)
        throw new RefusedJobData("it is no object", null);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean details = parser.currentName().equals("jobDetails");
        parser.nextToken();
        if (details) {
          requireFleetDetails(parser.readValueAsTree());
          checked++;
        } else parser.skipChildren();
      }
    } catch (java.io.IOException e) {
      throw new RefusedJobData("it is not JSON", e);
    }
    if (checked == 0) throw new RefusedJobData("it has no job details", null);
  }

  private static void requireFleetDetails(JsonNode details) {
    String handler = details.path("className").asText();
    if (!handler.equals(FleetJobRunner.class.getName()))
      throw new RefusedJobData("its handler is " + handler, null);
    JsonNode parameters = details.path("jobParameters");
    if (!parameters.isArray() || parameters.size() != 1)
      throw new RefusedJobData("it has " + parameters.size() + " parameters, not 1", null);
    for (String field : new String[] {"className", "actualClassName"}) {
      String named = parameters.get(0).path(field).asText(FleetJobRequest.class.getName());
      if (!named.equals(FleetJobRequest.class.getName()))
        throw new RefusedJobData("its parameter is " + named, null);
    }
    String request = parameters.get(0).path("object").path("job").path("@class").asText();
    if (!REQUESTS.contains(request)) throw new RefusedJobData("its request is " + request, null);
  }

  /** The fleet's job requests: the classes the sealed {@link FleetJob} permits. */
  private static final java.util.Set<String> REQUESTS =
      java.util.Arrays.stream(io.scimfleet.job.FleetJob.class.getPermittedSubclasses())
          .map(Class::getName)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static boolean refusedType(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause())
      if (cause instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException) return true;
    return false;
  }
}
