package cn.gov.petition.intake;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.UnitNames;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.tracing.EventTracing;
import cn.gov.petition.contracts.CaseRegistered;
import cn.gov.petition.contracts.RoutingRequested;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.RepeatDetector.Decision;
import cn.gov.petition.intake.config.RegistrationConfig;
import cn.gov.petition.intake.store.AccusedEntity;
import cn.gov.petition.intake.store.CaseNumbers;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.ContentIndex;
import cn.gov.petition.intake.store.OnlineSubmissionEntity;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.PetitionerEntity;
import cn.gov.petition.intake.store.TransitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * 登记: registers a petition once and announces it; recognises a repeat of an earlier matter ({@link
 * RepeatDetector}) and links it instead of opening the same matter twice.
 */
@ApplicationScoped
public class Registrar {

  private static final String QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final UnitNames unitNames;
  private final Submissions submissions;

  private final CaseRepository cases;
  private final CaseNumbers numbers;
  private final TransitionRepository transitions;
  private final RepeatDetector repeats;
  private final Outbox outbox;
  private final Lifecycle lifecycle;
  private final RegistrationConfig config;
  private final Clock clock;
  private final ActingDay actingDay;
  private final String province;
  private final ContentIndex words;
  private final SmsNotices sms;

  public Registrar(
      CaseRepository cases,
      CaseNumbers numbers,
      TransitionRepository transitions,
      RepeatDetector repeats,
      Outbox outbox,
      Lifecycle lifecycle,
      RegistrationConfig config,
      Clock clock,
      ActingDay actingDay,
      ContentIndex words,
      SmsNotices sms,
      Submissions submissions,
      UnitNames unitNames,
      @org.eclipse.microprofile.config.inject.ConfigProperty(name = "petition.node.region")
          String node) {
    this.unitNames = unitNames;
    this.submissions = submissions;
    this.province = node.substring(0, 2);
    this.cases = cases;
    this.numbers = numbers;
    this.transitions = transitions;
    this.repeats = repeats;
    this.outbox = outbox;
    this.lifecycle = lifecycle;
    this.config = config;
    this.clock = clock;
    this.actingDay = actingDay;
    this.words = words;
    this.sms = sms;
  }

  /**
   * What an earlier registration by the same unit with the same Idempotency-Key did. Holds a lock
   * on the key until the caller's transaction ends, so that a retry arriving while the first
   * request is still running waits for it and then finds its result, instead of failing on the
   * unique key.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Registration> earlier(Caller caller, String idempotencyKey, String fingerprint) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    String key = scopedKey(caller, idempotencyKey);
    cases.lockIdempotencyKey(key);
    Optional<Registration> opened =
        cases
            .findByIdempotencyKey(key)
            .map(c -> sameRequest(c.idempotencyFingerprint, fingerprint, c))
            .map(
                c ->
                    new Registration(
                        CaseStatus.NOT_ACCEPTED_AGAIN == c.status
                            ? Registration.Outcome.NOT_ACCEPTED_AGAIN
                            : Registration.Outcome.REGISTERED,
                        c,
                        c.repeatOf == null ? null : cases.findById(c.repeatOf),
                        c.repeatSimilarity,
                        c.repeatMatchedOn));
    if (opened.isPresent()) {
      return opened;
    }
    return transitions
        .findByIdempotencyKey(key)
        .map(t -> sameRequest(t.idempotencyFingerprint, fingerprint, t))
        .map(
            t -> {
              PetitionCaseEntity linked = cases.findById(t.caseId);
              return new Registration(
                  Registration.Outcome.LINKED_TO_OPEN_CASE,
                  linked,
                  linked,
                  ((Number) t.details.get("similarity")).doubleValue(),
                  RepeatDetector.MatchedOn.valueOf((String) t.details.get("matchedOn")));
            });
  }

  /**
   * The earlier answer to a key, if it answered the same request; a key reused for another request
   * is refused (422), since answering the first would silently drop the second petition.
   */
  private static <T> T sameRequest(String stored, String fingerprint, T earlier) {
    if (stored != null && fingerprint != null && !stored.equals(fingerprint)) {
      throw ProblemException.invalid(
          "Idempotency-Key",
          "SameRequest",
          "this Idempotency-Key was used for a different petition; a retry sends the same"
              + " request, a new petition takes a new key");
    }
    return earlier;
  }

  @Transactional
  public Registration register(
      Petition request, Caller caller, String idempotencyKey, String fingerprint) {
    return register(request, caller, idempotencyKey, fingerprint, null);
  }

  /**
   * Registers the petition; from an online submission ({@code submissionId}, 网上信访) the case keeps
   * the submission's query code, and the submission is marked registered as that case (or as the
   * open case it repeats).
   */
  @Transactional
  public Registration register(
      Petition request,
      Caller caller,
      String idempotencyKey,
      String fingerprint,
      UUID submissionId) {
    checkRules(request);
    OnlineSubmissionEntity submission =
        submissionId == null ? null : submissions.claim(submissionId, request, caller);
    String key = idempotencyKey == null ? null : scopedKey(caller, idempotencyKey);
    Optional<Decision> repeat = repeats.decide(request);
    if (linksToOpenCase(repeat)) {
      // the open case locked and read again (a routing decision or an act may have changed it since
      // the check read it), and the check made again on what it is now
      PetitionCaseEntity locked = cases.lockFresh(repeat.get().match().earlier());
      repeat = repeats.decide(request);
      if (linksToOpenCase(repeat) && repeat.get().match().earlier() != locked) {
        cases.lockFresh(repeat.get().match().earlier());
      }
    }
    if (linksToOpenCase(repeat)) {
      Registration linked = linkToOpenCase(request, repeat.get().match(), caller, key, fingerprint);
      if (submission != null) {
        submissions.registered(submission, linked.petitionCase(), caller);
      }
      return linked;
    }
    PetitionCaseEntity entity = newCase(request, caller, key);
    if (submission != null) {
      // the citizen was given this code when they submitted: it follows the case
      entity.queryCode = submission.queryCode;
      entity.queryCodeDigest = submission.queryCodeDigest;
    }
    entity.idempotencyFingerprint = key == null ? null : fingerprint;
    repeat.ifPresent(r -> markRepeat(entity, r.match()));
    announce(entity);
    var registered = lifecycle.begin(entity, Transition.REGISTERED, caller.unit(), caller.user());
    Registration.Outcome outcome = Registration.Outcome.REGISTERED;
    if (repeat.isPresent() && repeat.get().outcome() == Registration.Outcome.NOT_ACCEPTED_AGAIN) {
      registered.detail("repeatOf", repeat.get().match().earlier().caseNumber).record();
      PetitionCaseEntity terminated = repeat.get().match().earlier();
      lifecycle
          .begin(entity, Transition.NOT_ACCEPTED_AGAIN, caller.unit(), caller.user())
          .detail("terminatedCase", terminated.caseNumber)
          .detail("terminatedOn", terminated.endedOn)
          .detail("similarity", entity.repeatSimilarity)
          .record();
      entity.endedOn = actingDay.today(clock);
      outcome = Registration.Outcome.NOT_ACCEPTED_AGAIN;
      sms.tell(entity, SmsTemplates.Notice.NOT_ACCEPTED_AGAIN, values(entity));
    } else {
      openForwarding(registered, entity, caller);
      outbox.publish(entity.id.toString(), entity.caseNumber, routingRequest(entity));
      sms.tell(entity, SmsTemplates.Notice.RECEIPT, values(entity));
    }
    if (submission != null) {
      // the case is written by now: the submission and its attachments refer to it
      submissions.registered(submission, entity, caller);
    }
    return new Registration(
        outcome,
        entity,
        repeat.map(r -> r.match().earlier()).orElse(null),
        entity.repeatSimilarity,
        entity.repeatMatchedOn);
  }

  /**
   * Registers a case of the office's former system on the day it was received ({@link ActingDay}),
   * under its former number (docs/migration.md). The former system opened it as a case of its own,
   * so a repeat is linked to the earlier case it repeats, never merged into it nor answered 不再受理;
   * routing is not asked: the recorded steps say where the case went.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public PetitionCaseEntity registerImported(
      Petition request, Caller caller, String oldCaseNumber) {
    checkRules(request);
    PetitionCaseEntity entity = newCase(request, caller, null);
    entity.oldCaseNumber = oldCaseNumber;
    repeats.matches(request).stream()
        .filter(m -> !m.earlier().receivedOn.isAfter(request.receivedOn()))
        .findFirst()
        .ifPresent(m -> markRepeat(entity, m));
    announce(entity);
    openForwarding(
        lifecycle.begin(entity, Transition.REGISTERED, caller.unit(), caller.user()),
        entity,
        caller);
    return entity;
  }

  /**
   * The rules a petition must meet to be registered here (422 naming the field and rule): those
   * between its fields, and that its matter lies in this node's province.
   */
  public void checkRules(Petition request) {
    RegistrationRules.check(request);
    if (!request.matterRegionCode().startsWith(province)) {
      // no node here acts for another province's units: the case would be forwarded to nobody
      throw ProblemException.invalid(
          "matterRegionCode",
          "InNodeProvince",
          "the matter lies outside this platform's province "
              + province
              + "; tell the petitioner to petition the 信访 office of the province where it lies"
              + " (属地管理, Art 22), or forward the letter to it outside the platform");
    }
  }

  /** What a notice of registration names: the case number and the query code. */
  private static Map<String, String> values(PetitionCaseEntity entity) {
    return Map.of("caseNumber", entity.caseNumber, "queryCode", entity.queryCode);
  }

  private static void markRepeat(PetitionCaseEntity entity, RepeatDetector.Match match) {
    entity.repeatOf = match.earlier().id;
    entity.repeatSimilarity = match.similarity();
    entity.repeatMatchedOn = match.matchedOn();
  }

  /** Stores the new case and announces it (naming no person). */
  private void announce(PetitionCaseEntity entity) {
    cases.persist(entity);
    words.index(entity.id, entity.content);
    EventTracing.nameCase(entity.id.toString(), entity.caseNumber);
    outbox.publish(
        entity.id.toString(),
        entity.caseNumber,
        new CaseRegistered(
            entity.id.toString(),
            entity.caseNumber,
            entity.channel.name(),
            entity.petitionClass.name(),
            entity.matterRegionCode,
            entity.category,
            entity.registeringUnit,
            entity.receivedOn,
            entity.registeredAt,
            entity.personCount,
            entity.purpose.name(),
            entity.origin.name(),
            entity.collective,
            entity.repeatOf == null ? null : entity.repeatOf.toString(),
            actingDay.replaying() ? Boolean.TRUE : null));
  }

  /** 15 days from receipt to forward or assign it (Art 22), owed by the registering office. */
  private static void openForwarding(
      Lifecycle.Progress registered, PetitionCaseEntity entity, Caller caller) {
    registered
        .open(Step.FORWARD, caller.unit(), entity.responsibleRegion(), entity.receivedOn)
        .record();
  }

  /** What the node's routing-service needs to choose the unit; names no person. */
  private static RoutingRequested routingRequest(PetitionCaseEntity entity) {
    return new RoutingRequested(
        entity.id.toString(),
        entity.caseNumber,
        entity.channel.name(),
        entity.petitionClass.name(),
        entity.purpose.name(),
        entity.matterRegionCode,
        entity.category,
        entity.registeringUnit,
        entity.personCount,
        entity.collective,
        entity.repeatOf == null ? null : entity.repeatOf.toString(),
        entity.accused.stream()
            .map(a -> new RoutingRequested.AccusedUnit(a.unitCode, a.leader))
            .toList(),
        petitionerRegions(entity));
  }

  /**
   * Where the petitioners live (the address's division) or are registered (户籍地: the first six
   * digits of a resident ID), for routing to inform those places of a 三跨 case. Division codes only.
   */
  private static List<String> petitionerRegions(PetitionCaseEntity entity) {
    Set<String> regions = new TreeSet<>();
    for (PetitionerEntity p : entity.petitioners) {
      if (p.addressRegionCode != null) {
        regions.add(p.addressRegionCode);
      }
      if (IdType.RESIDENT_ID == p.idType && p.idNumber != null) {
        regions.add(p.idNumber.substring(0, 6));
      }
    }
    return List.copyOf(regions);
  }

  private static boolean linksToOpenCase(Optional<Decision> repeat) {
    return repeat.isPresent() && repeat.get().outcome() == Registration.Outcome.LINKED_TO_OPEN_CASE;
  }

  /**
   * Art 19(3): the matter is in the procedure; the repeat is recorded on its case (locked by the
   * caller).
   */
  private Registration linkToOpenCase(
      Petition request,
      RepeatDetector.Match match,
      Caller caller,
      String idempotencyKey,
      String fingerprint) {
    PetitionCaseEntity open = match.earlier();
    var entry =
        lifecycle
            .begin(open, Transition.REPEAT_RECEIVED, caller.unit(), caller.user())
            .detail("channel", request.channel())
            .detail("receivedOn", request.receivedOn().toString())
            .detail("personCount", request.personCount())
            .detail("similarity", match.similarity())
            .detail("matchedOn", match.matchedOn())
            .record();
    entry.idempotencyKey = idempotencyKey;
    entry.idempotencyFingerprint = idempotencyKey == null ? null : fingerprint;
    return new Registration(
        Registration.Outcome.LINKED_TO_OPEN_CASE,
        open,
        open,
        match.similarity(),
        match.matchedOn());
  }

  private PetitionCaseEntity newCase(Petition request, Caller caller, String key) {
    PetitionCaseEntity entity = new PetitionCaseEntity();
    entity.id = UUID.randomUUID();
    entity.registeredAt = actingDay.now(clock);
    LocalDate today = actingDay.today(clock);
    // numbered by the registering office's region: each office registers at one node only, so
    // numbers stay unique when cases are handed between nodes (docs/nodes.md); the number is
    // committed as it is taken, so that the region's next registration need not wait for this one
    // (ADR 43)
    String region = caller.unit().split(":")[0];
    entity.caseNumber =
        region
            + "-"
            + today.format(DateTimeFormatter.BASIC_ISO_DATE)
            + "-"
            + String.format("%05d", numbers.next(region, today));
    entity.queryCode = queryCode();
    entity.queryCodeDigest = FieldCipher.instance().digest(entity.queryCode);
    entity.channel = request.channel();
    entity.origin = request.origin();
    if (request.intermediary() != null) {
      entity.intermediaryName = request.intermediary().name();
      entity.intermediaryPost = request.intermediary().post();
    }
    entity.receivedOn = request.receivedOn();
    entity.registeringUnit = caller.unit();
    entity.registeredBy = caller.user();
    entity.matterRegionCode = request.matterRegionCode();
    entity.petitionClass = request.petitionClass();
    entity.purpose = request.purpose();
    entity.category = request.category();
    entity.content = request.content();
    entity.personCount = request.personCount();
    entity.involvedCount = request.involvedCount();
    entity.collective = request.personCount() >= config.collectiveThreshold();
    entity.anonymous = request.anonymous();
    entity.confidential = request.confidential();
    entity.newFacts = request.newFactsOrReasons();
    entity.status = CaseStatus.REGISTERED;
    entity.idempotencyKey = key;
    int position = 0;
    for (Petition.Petitioner input : request.petitioners()) {
      entity.petitioners.add(petitioner(entity, position++, input));
    }
    position = 0;
    for (Petition.Accused input : request.accused()) {
      AccusedEntity accused = new AccusedEntity();
      accused.petitionCase = entity;
      accused.position = position++;
      accused.kind = input.kind();
      accused.name = input.name();
      // a unit named only in words is read as the unit it names (issue 31, item 4): routing must
      // keep the case from it; words naming no unit leave it null, and routing rules none out
      accused.unitCode =
          input.unitCode() != null
              ? input.unitCode()
              : unitNames.unitOf(unitInWords(input), request.matterRegionCode()).orElse(null);
      accused.unitName = input.unitName();
      accused.post = input.post();
      accused.rank = input.rank();
      accused.leader = input.leader();
      entity.accused.add(accused);
    }
    return entity;
  }

  /** The accused's unit in words: the unit's name, or an accused organisation's own name. */
  private static String unitInWords(Petition.Accused accused) {
    if (accused.unitName() != null && !accused.unitName().isBlank()) {
      return accused.unitName();
    }
    return accused.kind() == PartyKind.ORGANISATION ? accused.name() : null;
  }

  private static PetitionerEntity petitioner(
      PetitionCaseEntity entity, int position, Petition.Petitioner input) {
    PetitionerEntity petitioner =
        PetitionerEntity.of(
            entity,
            position,
            input.kind(),
            input.name(),
            input.idType(),
            input.idNumber(),
            input.phone(),
            input.address(),
            input.addressRegionCode());
    petitioner.smsConsent = input.smsConsent();
    return petitioner;
  }

  private static String scopedKey(Caller caller, String key) {
    return caller.unit() + "|" + key;
  }

  /** A fresh 查询码: 10 characters without the ones people confuse (0/O, 1/I). */
  static String queryCode() {
    StringBuilder code = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      code.append(QUERY_CODE_ALPHABET.charAt(RANDOM.nextInt(QUERY_CODE_ALPHABET.length())));
    }
    return code.toString();
  }
}
