package cn.gov.petition.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event type has a golden sample that its record reads and writes back unchanged, and the
 * AsyncAPI document describes it: what outside systems are promised is what the code does.
 */
class EventContractTest {

  @Test
  void theContractsNeedNothingButJava() {
    JavaClasses contracts =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gov.petition.contracts");
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "cn.gov.petition.contracts..")
        .as("an outside system reads the events with this jar alone: no Quarkus, no Jackson")
        .check(contracts);
  }

  /** Configured as Quarkus configures its ObjectMapper: ISO dates, Java time module. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** JSON has one kind of number: 9 read as an int and written from a long are the same. */
  private static final java.util.Comparator<JsonNode> SAME_NUMBER =
      (a, b) ->
          a.equals(b)
                  || (a.isNumber()
                      && b.isNumber()
                      && a.decimalValue().compareTo(b.decimalValue()) == 0)
              ? 0
              : 1;

  @ParameterizedTest
  @EnumSource(EventType.class)
  void theGoldenSampleRoundTripsThroughTheRecord(EventType type) throws Exception {
    JsonNode sample = sample(type);
    Object data = JSON.treeToValue(sample, type.dataClass());
    JsonNode written = JSON.valueToTree(data);
    assertTrue(
        sample.equals(SAME_NUMBER, written),
        "the record writes the sample back unchanged: " + sample + " but " + written);
    Iterator<String> fields = sample.fieldNames();
    int count = 0;
    while (fields.hasNext()) {
      fields.next();
      count++;
    }
    assertEquals(
        type.dataClass().getRecordComponents().length, count, "the sample shows every field");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void theAsyncApiDocumentDescribesEveryEventType(EventType type) throws Exception {
    String asyncApi;
    try (InputStream in = EventType.class.getResourceAsStream("asyncapi.yaml")) {
      assertNotNull(in, "docs/asyncapi.yaml travels in the contracts jar beside the records");
      asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(
        asyncApi.contains("const: " + type.type()), type.type() + " is in docs/asyncapi.yaml");
    assertTrue(
        asyncApi.contains("address: " + type.topic()), type.topic() + " is in docs/asyncapi.yaml");
    for (var component : type.dataClass().getRecordComponents()) {
      assertTrue(
          asyncApi.contains(component.getName() + ":"),
          type.type() + " field " + component.getName() + " is in docs/asyncapi.yaml");
    }
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void broadcastEventsCarryNoPersonalData(EventType type) {
    if (!type.topic().equals(Topics.CASE_EVENTS)
        && !type.topic().equals(Topics.SUPERVISION_EVENTS)
        && !type.topic().equals(Topics.ANALYTICS_EVENTS)) {
      return;
    }
    for (var component : type.dataClass().getRecordComponents()) {
      String name = component.getName().toLowerCase();
      for (String personal :
          new String[] {"name", "idnumber", "phone", "address", "content", "petitioner"}) {
        assertTrue(
            !name.contains(personal) || name.equals("unitname"),
            type.type() + " is broadcast and must not carry " + component.getName());
      }
    }
  }

  private static JsonNode sample(EventType type) throws Exception {
    try (InputStream in =
        EventType.class.getResourceAsStream("/events/samples/" + type.type() + ".json")) {
      assertNotNull(in, "sample for " + type.type());
      return JSON.readTree(in);
    }
  }
}
