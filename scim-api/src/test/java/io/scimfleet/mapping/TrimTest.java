package io.scimfleet.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.dashjoin.jsonata.Functions;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.PropertyMapping;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fleet's $trim (no regular expression per call) answers as the library's own. */
class TrimTest {

  @Test
  void answersAsTheLibrarysTrimForAnyMixOfWhitespace() {
    Random random = new Random(11);
    char[] alphabet = {' ', ' ', '\t', '\n', '\r', 'a', 'b', '\u00e9', '\u00a0', 'x'};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(8); n > 0; n--)
        text.append(alphabet[random.nextInt(alphabet.length)]);
      assertThat(JsonataExpression.trim(text.toString()))
          .as("'%s'", text)
          .isEqualTo(Functions.trim(text.toString()));
    }
    assertThat(JsonataExpression.trim(null)).isNull();
  }

  @Test
  void mappingsUseIt() {
    Mappings mappings =
        Mappings.compile(List.of(new PropertyMapping("t", "{\"displayName\": $trim(name)}")));

    assertThat(
            mappings
                .map(
                    MappingInput.user(
                        new DirectoryUser(
                            "u1", "ada", "  Ada \t\n Lovelace ", null, true, Map.of())))
                .path("displayName")
                .asText())
        .isEqualTo("Ada Lovelace");
  }
}
