package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.contracts.AttachmentHandedOff;
import cn.gov.petition.contracts.AttachmentHandedOff.AttachmentRecord;
import cn.gov.petition.contracts.CaseHandedOff;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.infra.LocalInfrastructure;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * 附件移交: an attachment goes where its case goes. Seen from one node (53): what it hands to node
 * 530302 (which the test plays, opening what was sealed for it), and what it takes over from node
 * 530302001 (which the test plays, sealing for this node), each through the real Kafka and the real
 * object store.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ObjectStoreResource.class, restrictToAnnotatedClass = false)
class AttachmentHandoffTest {

  private static final String REGISTRAR = TestTokens.qilinRegistrar();
  private static final String HOUSING_BUREAU =
      TestTokens.token("qilin-housing", "530302:zjj", "530302", "handler");
  private static final String NEIGHBOUR =
      TestTokens.token("zhanyi-housing", "530303:zjj", "530303", "handler");
  private static final String NODE_530302_KEY = LocalInfrastructure.newHandoffKeyset();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PART_TYPE = "cn.gov.petition.case.attachment-handed-off";

  @Inject HandoffSeal seal;
  @Inject ObjectMapper json;

  /** This node's (53) private handoff key, as the test profile gives it to intake. */
  @ConfigProperty(name = "petition.crypto.handoff-key")
  String ownKey;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @Test
  void theAttachmentsFollowTheirCaseToTheNodeThatOwnsItSealedForThatNodeAlone() throws Exception {
    String id = Petitions.registered(Petitions.letter()).path("petitionCase.id");
    byte[] scan = pdf(1_100_000); // three parts
    String scanId =
        AttachmentsTest.upload(REGISTRAR, id, "LETTER_SCAN", "王五来信.pdf", "application/pdf", scan)
            .statusCode(201)
            .extract()
            .path("id");

    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局")
        .node("530302", LocalInfrastructure.publicHandoffKeyset(NODE_530302_KEY))
        .send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> Petitions.read(id).body("handoff.handedToNode", equalTo("530302")));
    // scanned after the case moved on: it follows the case
    byte[] late = pdf(2_000);
    String lateId =
        AttachmentsTest.upload(REGISTRAR, id, "LETTER_SCAN", "补充材料.pdf", "application/pdf", late)
            .statusCode(201)
            .extract()
            .path("id");

    List<KafkaProbe.Seen> sent =
        kafka.await(
            Topics.forNode(Topics.HANDOFFS, "530302"),
            seen -> id.equals(seen.key()),
            1 + 3 + 1,
            Duration.ofSeconds(60));
    assertEquals(5, sent.size(), "the case file, three parts of the scan, one of the late one");
    assertEquals(
        "cn.gov.petition.case.handed-off",
        sent.get(0).header("ce_type"),
        "the case file comes first: its attachments follow it");
    HandoffSeal node530302 = new HandoffSeal(json, Optional.of(NODE_530302_KEY));
    Map<String, List<AttachmentHandedOff>> parts =
        sent.subList(1, sent.size()).stream()
            .peek(seen -> assertEquals(PART_TYPE, seen.header("ce_type")))
            .peek(
                seen -> {
                  assertFalse(seen.value().contains("王五来信"), "the file's name is sealed");
                  assertFalse(seen.value().contains("JVBERi0"), "no content in clear (%PDF-)");
                })
            .map(seen -> read(seen.value()))
            .collect(Collectors.groupingBy(AttachmentHandedOff::attachmentId));
    assertEquals(Map.of(scanId, 3, lateId, 1), sizes(parts));

    AttachmentRecord record = node530302.open(parts.get(scanId).get(0));
    assertEquals("王五来信.pdf", record.fileName(), "node 530302 opens the record");
    assertEquals("LETTER_SCAN", record.kind());
    assertEquals(scan.length, record.size());
    assertArrayEquals(scan, opened(parts.get(scanId), record), "and with its key, the content");
    assertArrayEquals(
        late, opened(parts.get(lateId), node530302.open(parts.get(lateId).get(0))), "the late one");
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> seal.open(parts.get(scanId).get(0)),
        "this node's own key does not open a record sealed for another node");
  }

  @Test
  void anAttachmentHandedHereIsKeptWholeOnceAndReadByTheUnitThatOwnsTheCase() throws Exception {
    String caseId = UUID.randomUUID().toString();
    String topic = Topics.forNode(Topics.HANDOFFS, "53");
    kafka.send(topic, caseId, headers("cn.gov.petition.case.handed-off"), handoff(caseId));
    byte[] scan = pdf(700_000); // two parts
    String attachmentId = UUID.randomUUID().toString();
    String transferId = UUID.randomUUID().toString();
    List<String> parts = parts(caseId, attachmentId, transferId, transferId, scan, "来信.pdf");
    // out of order, and the first part twice
    kafka.send(topic, caseId, headers(PART_TYPE), parts.get(1));
    kafka.send(topic, caseId, headers(PART_TYPE), parts.get(0));
    kafka.send(topic, caseId, headers(PART_TYPE), parts.get(0));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                list(HOUSING_BUREAU, caseId)
                    .body("", hasSize(1))
                    .body("[0].id", equalTo(attachmentId))
                    .body("[0].fileName", equalTo("来信.pdf"))
                    .body("[0].size", equalTo(scan.length)));
    byte[] read =
        given()
            .auth()
            .oauth2(HOUSING_BUREAU)
            .get("/cases/" + caseId + "/attachments/" + attachmentId)
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertArrayEquals(scan, read, "kept whole in this node's store, read by the unit");
    list(HOUSING_BUREAU, caseId).body("[0].reads", equalTo(1));
    given()
        .auth()
        .oauth2(NEIGHBOUR)
        .get("/cases/" + caseId + "/attachments/" + attachmentId)
        .then()
        .statusCode(404);

    // a record sealed for another transfer does not open: parked with the reason, nothing kept
    String copied =
        parts(
                caseId,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "x",
                scan,
                "x.pdf")
            .get(0);
    kafka.send(topic, caseId, headers(PART_TYPE), copied);
    List<KafkaProbe.Seen> dead =
        kafka.await(
            Topics.forNode(Topics.DEAD_LETTER, "53"),
            seen -> caseId.equals(seen.key()),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, dead.size());
    assertTrue(dead.get(0).header("dead-letter-reason").contains("does not open"));
    list(HOUSING_BUREAU, caseId).body("", hasSize(1));
  }

  /** A PDF of about {@code size} bytes (a header, random filler, a trailer). */
  private static byte[] pdf(int size) {
    byte[] filler = new byte[size];
    RANDOM.nextBytes(filler);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("%PDF-1.7\n%".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(filler);
    out.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  /** The parts of an attachment as node 530302001 sends them here, its record sealed for 53. */
  private List<String> parts(
      String caseId,
      String attachmentId,
      String transferId,
      String sealedFor,
      byte[] content,
      String fileName)
      throws Exception {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    byte[] sealedContent = Attachments.seal(key, content);
    String record =
        seal.seal(
            new AttachmentRecord(
                "LETTER_SCAN",
                "application/pdf",
                content.length,
                Attachments.sha256(content),
                fileName,
                Base64.getEncoder().encodeToString(key),
                "530302001:xfb",
                "township-registrar",
                Instant.parse("2026-11-24T01:00:00Z"),
                null,
                null),
            LocalInfrastructure.publicHandoffKeyset(ownKey),
            sealedFor,
            "53");
    int size = AttachmentTransfers.PART_BYTES;
    int count = (sealedContent.length + size - 1) / size;
    List<String> parts = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] part =
          Arrays.copyOfRange(
              sealedContent, i * size, Math.min((i + 1) * size, sealedContent.length));
      parts.add(
          json.writeValueAsString(
              new AttachmentHandedOff(
                  transferId,
                  caseId,
                  "530302001-20261124-00091",
                  attachmentId,
                  "530302001",
                  "53",
                  i,
                  count,
                  record,
                  Base64.getEncoder().encodeToString(part))));
    }
    return parts;
  }

  /** The golden sample of a handoff to this node, for this case, sealed for it. */
  private String handoff(String caseId) throws Exception {
    CaseHandedOff.CaseFile file;
    try (InputStream in = getClass().getResourceAsStream("/handoff-case-file.json")) {
      ObjectNode golden = (ObjectNode) JSON.readTree(in);
      // a query code of its own: the golden file's is another test's case
      golden.put("queryCode", "Q" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
      file = json.treeToValue(golden, CaseHandedOff.CaseFile.class);
    }
    try (InputStream in =
        getClass().getResourceAsStream("/events/samples/cn.gov.petition.case.handed-off.json")) {
      ObjectNode sample = (ObjectNode) JSON.readTree(in);
      String handoffId = UUID.randomUUID().toString();
      sample.put("caseId", caseId);
      sample.put("handoffId", handoffId);
      sample.put("caseNumber", "530302001-20261124-00091");
      sample.put("toNode", "53");
      sample.put(
          "sealedFile",
          seal.seal(file, LocalInfrastructure.publicHandoffKeyset(ownKey), handoffId, "53"));
      return JSON.writeValueAsString(sample);
    }
  }

  private AttachmentHandedOff read(String value) {
    try {
      return json.readValue(value, AttachmentHandedOff.class);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The parts joined in order and opened with the record's key. */
  private static byte[] opened(List<AttachmentHandedOff> parts, AttachmentRecord record) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    parts.stream()
        .sorted(Comparator.comparingInt(AttachmentHandedOff::part))
        .forEach(p -> joined.writeBytes(Base64.getDecoder().decode(p.content())));
    return Attachments.unseal(Base64.getDecoder().decode(record.dataKey()), joined.toByteArray());
  }

  private static Map<String, Integer> sizes(Map<String, List<AttachmentHandedOff>> parts) {
    return parts.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
  }

  private static io.restassured.response.ValidatableResponse list(String token, String caseId) {
    return given()
        .auth()
        .oauth2(token)
        .get("/cases/" + caseId + "/attachments")
        .then()
        .statusCode(200);
  }

  private static Map<String, String> headers(String type) {
    return KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), type, "n");
  }
}
