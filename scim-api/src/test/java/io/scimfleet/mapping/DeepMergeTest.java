package io.scimfleet.mapping;

import static io.scimfleet.mapping.JsonAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DeepMergeTest {

  private static ObjectNode merged(String earlier, String later) {
    return DeepMerge.merge((ObjectNode) json(earlier), (ObjectNode) json(later));
  }

  @Test
  void objectsMergeKeyByKey() {
    assertThat(
            merged(
                "{'name':{'givenName':'Ada'},'a':1}", "{'name':{'familyName':'Lovelace'},'b':2}"))
        .isEqualTo(json("{'name':{'givenName':'Ada','familyName':'Lovelace'},'a':1,'b':2}"));
  }

  @Test
  void arraysAppend() {
    assertThat(merged("{'schemas':['core']}", "{'schemas':['enterprise']}"))
        .isEqualTo(json("{'schemas':['core','enterprise']}"));
  }

  @Test
  void theLaterScalarWins() {
    assertThat(merged("{'a':1,'b':{'c':'x'}}", "{'a':2,'b':{'c':'y'}}"))
        .isEqualTo(json("{'a':2,'b':{'c':'y'}}"));
  }

  @Test
  void aLaterValueOfAnotherKindReplacesTheEarlierOne() {
    assertThat(merged("{'a':[1],'b':{'c':1},'c':'x'}", "{'a':{'x':1},'b':[2],'c':{'d':true}}"))
        .isEqualTo(json("{'a':{'x':1},'b':[2],'c':{'d':true}}"));
  }

  @Test
  void aLaterNullRemovesTheKeyOnceNullsAreStripped() {
    ObjectNode merged = merged("{'a':1,'b':{'c':1,'d':2}}", "{'a':null,'b':{'c':null}}");

    assertThat(DeepMerge.withoutNulls(merged)).isEqualTo(json("{'b':{'d':2}}"));
  }

  @Test
  void aLaterValueReplacesAnEarlierNull() {
    assertThat(merged("{'a':null}", "{'a':'x'}")).isEqualTo(json("{'a':'x'}"));
  }

  @Test
  void withoutNullsRemovesNullKeysAtEveryDepthAndNullArrayItems() {
    ObjectNode node =
        (ObjectNode)
            json("{'a':null,'b':{'c':null,'d':{'e':null,'f':1}},'g':[null,{'h':null,'i':2},3]}");

    assertThat(DeepMerge.withoutNulls(node)).isEqualTo(json("{'b':{'d':{'f':1}},'g':[{'i':2},3]}"));
  }

  @Test
  void withoutNullsKeepsFalseZeroAndEmptyValues() {
    ObjectNode node = (ObjectNode) json("{'a':false,'b':0,'c':'','d':[],'e':{}}");

    assertThat(DeepMerge.withoutNulls(node))
        .isEqualTo(json("{'a':false,'b':0,'c':'','d':[],'e':{}}"));
  }
}
