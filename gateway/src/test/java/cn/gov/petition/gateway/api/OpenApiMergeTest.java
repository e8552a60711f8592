package cn.gov.petition.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode doc(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void servicePathsGoUnderTheirPrefixAndClashingSchemasAreRenamed() throws Exception {
    Map<String, JsonNode> docs = new LinkedHashMap<>();
    docs.put(
        "gateway",
        doc(
            "{'info':{'version':'0.1.0'},'tags':[{'name':'审计'}],"
                + "'paths':{'/audit/entries':{'get':{}},'/api/{service}/{path}':{'get':{}}},"
                + "'components':{'schemas':{'Problem':{'type':'object'}}}}"));
    docs.put(
        "intake",
        doc(
            "{'tags':[{'name':'信访件'},{'name':'审计'}],"
                + "'paths':{'/cases/{id}':{'get':{'responses':{'200':{'content':{'application/json':"
                + "{'schema':{'$ref':'#/components/schemas/Unit'}}}}}}}},"
                + "'components':{'schemas':{'Problem':{'type':'object'},"
                + "'Unit':{'type':'object','properties':{'code':{'type':'string'}}}},"
                + "'securitySchemes':{'SecurityScheme':{'type':'http','scheme':'bearer'}}}}"));
    docs.put(
        "routing",
        doc(
            "{'paths':{'/units/{code}':{'get':{'responses':{'200':{'content':{'application/json':"
                + "{'schema':{'$ref':'#/components/schemas/Unit'}}}}}}}},"
                + "'components':{'schemas':{'Unit':{'type':'object','properties':"
                + "{'name':{'type':'string'}}}}}}"));
    docs.put("analytics", null);

    JsonNode merged = OpenApiResource.merge(JSON, docs);

    assertTrue(merged.path("paths").has("/audit/entries"));
    assertTrue(merged.path("paths").has("/api/intake/cases/{id}"));
    assertTrue(merged.path("paths").has("/api/routing/units/{code}"));
    assertFalse(merged.path("paths").has("/api/{service}/{path}"), "the catch-all is replaced");
    assertEquals(1, merged.path("components").path("schemas").path("Problem").size());
    assertEquals(
        "#/components/schemas/Unit",
        merged
            .at(
                "/paths/~1api~1intake~1cases~1{id}/get/responses/200/content/application~1json/schema/$ref")
            .asText());
    assertEquals(
        "#/components/schemas/routing.Unit",
        merged
            .at(
                "/paths/~1api~1routing~1units~1{code}/get/responses/200/content/application~1json/schema/$ref")
            .asText());
    assertTrue(merged.at("/components/schemas/routing.Unit/properties").has("name"));
    assertTrue(merged.at("/components/schemas/Unit/properties").has("code"));
    assertEquals(2, merged.path("tags").size(), "a tag named twice is listed once");
    assertEquals("bearer", merged.at("/components/securitySchemes/SecurityScheme/scheme").asText());
    assertEquals("0.1.0", merged.at("/info/version").asText());
    assertEquals("analytics", merged.path("x-unavailable").get(0).asText());
  }
}
