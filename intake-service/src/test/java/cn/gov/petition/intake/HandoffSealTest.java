package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.petition.contracts.CaseHandedOff;
import cn.gov.petition.infra.LocalInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sealing case files for a node, and rotating that node's handoff key. */
class HandoffSealTest {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void aRotatedKeyOpensWhatWasSealedBeforeAndAfterAndDroppingTheOldOneEndsTheOld()
      throws Exception {
    String first = LocalInfrastructure.newHandoffKeyset();
    CaseHandedOff.CaseFile file = file();
    CaseHandedOff before = sealed(file, LocalInfrastructure.publicHandoffKeyset(first), "h1");

    String rotated = LocalInfrastructure.rotateHandoffKeyset(first);
    CaseHandedOff after = sealed(file, LocalInfrastructure.publicHandoffKeyset(rotated), "h2");
    HandoffSeal node = new HandoffSeal(JSON, Optional.of(rotated));
    assertEquals(file.queryCode(), node.open(before).queryCode(), "still on its way: opens");
    assertEquals(file.queryCode(), node.open(after).queryCode(), "sealed with the new key");
    assertThrows(
        IllegalArgumentException.class,
        () -> new HandoffSeal(JSON, Optional.of(first)).open(after),
        "the old key alone does not open what the new one sealed");

    HandoffSeal dropped =
        new HandoffSeal(JSON, Optional.of(LocalInfrastructure.withoutRetiredHandoffKeys(rotated)));
    assertEquals(file.queryCode(), dropped.open(after).queryCode());
    assertThrows(
        IllegalArgumentException.class,
        () -> dropped.open(before),
        "once dropped, the old key opens nothing");
  }

  @Test
  void aFileDoesNotOpenForAnotherNodeOrUnderAnotherHandoff() throws Exception {
    String key = LocalInfrastructure.newHandoffKeyset();
    CaseHandedOff good = sealed(file(), LocalInfrastructure.publicHandoffKeyset(key), "h1");
    HandoffSeal node = new HandoffSeal(JSON, Optional.of(key));
    CaseHandedOff moved =
        new CaseHandedOff(
            "h9",
            good.caseId(),
            good.caseNumber(),
            good.fromNode(),
            good.toNode(),
            good.handedOffAt(),
            null,
            good.sealedFile());
    assertThrows(IllegalArgumentException.class, () -> node.open(moved));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new HandoffSeal(JSON, Optional.of(LocalInfrastructure.newHandoffKeyset())).open(good));
  }

  private static CaseHandedOff sealed(
      CaseHandedOff.CaseFile file, String publicKeyset, String handoffId) {
    String sealed =
        new HandoffSeal(JSON, Optional.empty()).seal(file, publicKeyset, handoffId, "530302");
    return new CaseHandedOff(
        handoffId, "c", "n", "530302001", "530302", Instant.EPOCH, null, sealed);
  }

  private static CaseHandedOff.CaseFile file() throws Exception {
    try (InputStream in = HandoffSealTest.class.getResourceAsStream("/handoff-case-file.json")) {
      return JSON.readValue(in, CaseHandedOff.CaseFile.class);
    }
  }
}
