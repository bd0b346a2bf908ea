package io.scimfleet.mapping;

import static io.scimfleet.mapping.JsonAssertions.json;
import static io.scimfleet.mapping.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.model.PropertyMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingsTest {

  private static PropertyMapping mapping(String name, String expression) {
    return new PropertyMapping(name, expression);
  }

  private static Mappings compile(PropertyMapping... mappings) {
    return Mappings.compile(List.of(mappings));
  }

  @Test
  void mappingsApplyInTheOrderOfTheirNamesNotTheOrderDeclared() {
    Mappings mappings =
        compile(
            mapping("b", "{'title': 'from b', 'b': true}"), mapping("a", "{'title': 'from a'}"));

    assertThat(mappings.names()).containsExactly("a", "b");
    assertThat(mappings.map(aUser().input())).isEqualTo(json("{'title':'from b','b':true}"));
  }

  @Test
  void resultsDeepMerge() {
    Mappings mappings =
        compile(
            mapping("1", "{'schemas': ['core'], 'name': {'givenName': 'Ada'}, 'title': 'x'}"),
            mapping("2", "{'schemas': ['ext'], 'name': {'familyName': 'Lovelace'}, 'title': 'y'}"));

    assertThat(mappings.map(aUser().input()))
        .isEqualTo(
            json(
                "{'schemas':['core','ext'],'name':{'givenName':'Ada','familyName':'Lovelace'},'title':'y'}"));
  }

  @Test
  void nullValuesAreRemovedAtEveryDepth() {
    Mappings mappings =
        compile(mapping("1", "{'a': null, 'b': {'c': null, 'd': 1}, 'e': [{'f': null, 'g': 2}]}"));

    assertThat(mappings.map(aUser().input())).isEqualTo(json("{'b':{'d':1},'e':[{'g':2}]}"));
  }

  @Test
  void aMappingCannotSendAPasswordThePasswordRulesDidNotLetThrough() {
    Mappings mappings = compile(mapping("1", "{'userName': 'ada', 'password': 'from-a-mapping'}"));

    assertThat(mappings.map(aUser().input())).isEqualTo(json("{'userName':'ada'}"));
  }

  @Test
  void aLaterNullRemovesWhatAnEarlierMappingSet() {
    Mappings mappings =
        compile(mapping("1", "{'title': 'x', 'nickName': 'y'}"), mapping("2", "{'title': null}"));

    assertThat(mappings.map(aUser().input())).isEqualTo(json("{'nickName':'y'}"));
  }

  @Test
  void undefinedFieldsAreLeftOut() {
    Mappings mappings =
        compile(mapping("1", "{'userName': username, 'nickName': attributes.nickName}"));

    assertThat(mappings.map(aUser().withUsername("ada").input()))
        .isEqualTo(json("{'userName':'ada'}"));
  }

  @Test
  void aMappingThatYieldsNothingContributesNothing() {
    Mappings mappings =
        compile(mapping("1", "{'userName': username}"), mapping("2", "email ? {'x': email}"));

    assertThat(mappings.map(aUser().withUsername("ada").input()))
        .isEqualTo(json("{'userName':'ada'}"));
  }

  @Test
  void aMappingThatFailsToEvaluateIsNamed() {
    Mappings mappings =
        compile(
            mapping("10-ok", "{'a': 1}"), mapping("20-broken", "{'a': $number('not a number')}"));

    assertThatThrownBy(() -> mappings.map(aUser().input()))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("mapping '20-broken': failed to evaluate")
        .satisfies(e -> assertThat(((MappingException) e).retryable()).isFalse());
  }

  @Test
  void aMappingThatDoesNotCompileIsNamed() {
    assertThatThrownBy(
            () -> compile(mapping("10-ok", "{'a': 1}"), mapping("30-typo", "{'a': username")))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("mapping '30-typo': does not compile")
        .satisfies(e -> assertThat(((MappingException) e).mappingName()).isEqualTo("30-typo"));
  }

  @Test
  void aResultThatIsNotAnObjectIsNamed() {
    Mappings mappings = compile(mapping("10-list", "[username]"));

    assertThatThrownBy(() -> mappings.map(aUser().input()))
        .isInstanceOf(MappingException.class)
        .hasMessage("mapping '10-list': result must be a JSON object, got an array");
  }

  @Test
  void aResultThatIsAFunctionIsNamed() {
    Mappings mappings = compile(mapping("10-fn", "{'f': function($x) { $x }}"));

    assertThatThrownBy(() -> mappings.map(aUser().input()))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("mapping '10-fn': result is not JSON");
  }

  @Test
  void twoMappingsWithTheSameNameAreRejected() {
    assertThatThrownBy(() -> compile(mapping("a", "{}"), mapping("a", "{}")))
        .isInstanceOf(MappingException.class)
        .hasMessage("mapping 'a': is defined twice");
  }

  @Test
  void numbersKeepTheirJsonShape() {
    Mappings mappings =
        compile(mapping("1", "{'whole': 1 + 1, 'fraction': 1 / 4, 'count': $count([1,2,3])}"));

    assertThat(mappings.map(aUser().input()))
        .isEqualTo(json("{'whole':2,'fraction':0.25,'count':3}"));
  }
}
