package cn.gov.petition.intake;

import cn.gov.petition.common.events.CaseRegistered;
import cn.gov.petition.common.events.Step;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.intake.api.RegisterPetitionRequest;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.FieldCipher;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.PetitionerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/** 登记: registers a petition once and announces it. */
@ApplicationScoped
public class Registrar {

  private static final String QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CaseRepository cases;
  private final Outbox outbox;
  private final Lifecycle lifecycle;
  private final Clock clock;

  public Registrar(CaseRepository cases, Outbox outbox, Lifecycle lifecycle, Clock clock) {
    this.cases = cases;
    this.outbox = outbox;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /**
   * A case registered earlier by the same unit with the same Idempotency-Key. Holds a lock on the
   * key until the caller's transaction ends, so that a retry arriving while the first request is
   * still running waits for it and then finds its case, instead of failing on the unique key.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<PetitionCaseEntity> earlier(Caller caller, String idempotencyKey) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    String key = scopedKey(caller, idempotencyKey);
    cases.lockIdempotencyKey(key);
    return cases.findByIdempotencyKey(key);
  }

  @Transactional
  public PetitionCaseEntity register(
      RegisterPetitionRequest request, Caller caller, String idempotencyKey) {
    PetitionCaseEntity entity = new PetitionCaseEntity();
    entity.id = UUID.randomUUID();
    entity.registeredAt = clock.instant();
    LocalDate today = LocalDate.now(clock);
    String county = request.matterRegionCode().substring(0, 6);
    entity.caseNumber =
        county
            + "-"
            + today.format(DateTimeFormatter.BASIC_ISO_DATE)
            + "-"
            + String.format("%05d", cases.nextSequence(county, today));
    entity.queryCode = queryCode();
    entity.channel = request.channel().name();
    entity.receivedOn = request.receivedOn();
    entity.registeringUnit = caller.unit();
    entity.registeredBy = caller.user();
    entity.matterRegionCode = request.matterRegionCode();
    entity.petitionClass = request.petitionClass().name();
    entity.category = request.category();
    entity.content = request.content();
    entity.personCount = request.personCount();
    entity.status = CaseStatus.REGISTERED.name();
    entity.idempotencyKey = idempotencyKey == null ? null : scopedKey(caller, idempotencyKey);
    int position = 0;
    for (RegisterPetitionRequest.PetitionerInput input : request.petitioners()) {
      PetitionerEntity petitioner = new PetitionerEntity();
      petitioner.petitionCase = entity;
      petitioner.position = position++;
      petitioner.name = input.name();
      petitioner.idNumber = input.idNumber() == null ? null : input.idNumber().toUpperCase();
      petitioner.idNumberDigest =
          petitioner.idNumber == null ? null : FieldCipher.instance().digest(petitioner.idNumber);
      petitioner.phone = input.phone();
      petitioner.address = input.address();
      entity.petitioners.add(petitioner);
    }
    cases.persist(entity);
    outbox.publish(
        entity.id.toString(),
        entity.caseNumber,
        new CaseRegistered(
            entity.id.toString(),
            entity.caseNumber,
            entity.channel,
            entity.petitionClass,
            entity.matterRegionCode,
            entity.category,
            entity.registeringUnit,
            entity.receivedOn,
            entity.registeredAt,
            entity.personCount));
    // 15 days from receipt to forward or assign it (Art 22), owed by the registering office.
    lifecycle
        .begin(entity, Transition.REGISTERED, caller.unit(), caller.user())
        .open(Step.FORWARD, caller.unit(), entity.responsibleRegion(), entity.receivedOn)
        .record();
    return entity;
  }

  private static String scopedKey(Caller caller, String key) {
    return caller.unit() + "|" + key;
  }

  private static String queryCode() {
    StringBuilder code = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      code.append(QUERY_CODE_ALPHABET.charAt(RANDOM.nextInt(QUERY_CODE_ALPHABET.length())));
    }
    return code.toString();
  }
}
