package cn.gov.petition.intake.api;

import cn.gov.petition.common.security.Caller;
import cn.gov.petition.intake.Registrar;
import cn.gov.petition.intake.Registration;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a registration answers, one petition at a time or in a batch: the fingerprint a retry's
 * petition is compared by, and the result the caller reads.
 */
@ApplicationScoped
class RegistrationAnswers {

  private final ObjectMapper json;
  private final CaseMapper mapper;
  private final Registrar registrar;

  RegistrationAnswers(ObjectMapper json, CaseMapper mapper, Registrar registrar) {
    this.json = json;
    this.mapper = mapper;
    this.registrar = registrar;
  }

  /** What {@code POST /cases} answers: its status (201 a case opened, else 200) and result. */
  record Answer(int status, RegistrationResult result) {}

  /**
   * Registers the petition in the caller's transaction, or answers as before to a key already used
   * for it (200).
   */
  Answer register(
      RegisterPetitionRequest request, Caller caller, String idempotencyKey, String fingerprint) {
    var earlier = registrar.earlier(caller, idempotencyKey, fingerprint);
    if (earlier.isPresent()) {
      return new Answer(200, result(earlier.get(), caller));
    }
    Registration registration =
        registrar.register(
            request.petition(), caller, idempotencyKey, fingerprint, request.submission());
    return new Answer(registration.opensCase() ? 201 : 200, result(registration, caller));
  }

  /** SHA-256 of the request as read: a retry with the same key must send the same petition. */
  String fingerprint(RegisterPetitionRequest request) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request)));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  RegistrationResult result(Registration registration, Caller caller) {
    PetitionCaseEntity repeatOf = registration.repeatOf();
    CaseView.RepeatView repeat =
        repeatOf == null
            ? null
            : CaseMapper.repeat(repeatOf, registration.similarity(), registration.matchedOn());
    if (!registration.opensCase()) {
      return new RegistrationResult(
          registration.outcome().name(), "重复信访，已并入原件", null, null, repeat);
    }
    PetitionCaseEntity entity = registration.petitionCase();
    return new RegistrationResult(
        registration.outcome().name(),
        entity.status.label(),
        entity.queryCode,
        mapper.toView(entity, caller),
        repeat);
  }
}
