package cn.gov.petition.supervision;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.contracts.LetterChanged;
import cn.gov.petition.contracts.LetterChanged.Change;
import cn.gov.petition.supervision.store.ClockEntity;
import cn.gov.petition.supervision.store.ClockRepository;
import cn.gov.petition.supervision.store.LetterElsewhereEntity;
import cn.gov.petition.supervision.store.LetterElsewhereRepository;
import cn.gov.petition.supervision.store.LetterEntity;
import cn.gov.petition.supervision.store.LetterRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 三函: issues supervision letters to units in the issuer's subtree, keeps them until the unit
 * answers in writing, and escalates (逾期未复) those not answered by their reply date. Who may see a
 * letter: supervisors above or at the recipient's region, and the recipient unit itself.
 *
 * <p>A letter is held by the node that issued it. A node whose subtree holds the recipient, and
 * which is not that node, keeps what the broadcast tells of it ({@link #heardOf}): its offices see
 * it in their list, and read and answer it at the issuing node through their own gateway (docs/
 * nodes.md, supervision acts across nodes).
 */
@ApplicationScoped
public class Letters {

  private final LetterRepository letters;
  private final ClockRepository clocks;
  private final Units units;
  private final DivisionTable divisions;
  private final Clock clock;
  private final Outbox outbox;
  private final LetterElsewhereRepository elsewhere;
  private final NodeRegistry nodes;

  public Letters(
      LetterRepository letters,
      LetterElsewhereRepository elsewhere,
      NodeRegistry nodes,
      ClockRepository clocks,
      Clock clock,
      DivisionTable divisions,
      Units units,
      Outbox outbox) {
    this.outbox = outbox;
    this.elsewhere = elsewhere;
    this.nodes = nodes;
    this.letters = letters;
    this.clocks = clocks;
    this.clock = clock;
    this.divisions = divisions;
    this.units = units;
  }

  @Transactional
  public LetterEntity issue(
      Caller caller,
      LetterKind kind,
      String recipientUnit,
      List<String> caseIds,
      String reason,
      LocalDate replyDueOn) {
    if (kind.byLeader() && !caller.hasAnyRole(Roles.LEADER)) {
      throw ProblemException.forbidden("只有领导可以批示 / only a leader records an instruction");
    }
    if (!kind.byLeader() && !caller.hasAnyRole(Roles.SUPERVISOR, Roles.JOINT_OFFICE)) {
      throw ProblemException.forbidden("督办函由督办部门发出 / a supervisor issues a supervision letter");
    }
    String recipientRegion = recipientUnit.substring(0, recipientUnit.indexOf(':'));
    if (!caller.covers(recipientRegion)) {
      throw ProblemException.forbidden(
          "单位 " + recipientUnit + " 不在您的辖区内 / the recipient is outside your subtree");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    if (recipientUnit.equals(caller.unit())) {
      errors.add(
          new Problem.FieldError("recipientUnit", "NotOwnUnit", "不能向本单位发函 / not to your own unit"));
    } else if (units.find(recipientUnit).isEmpty()) {
      errors.add(new Problem.FieldError("recipientUnit", "KnownUnit", "单位不存在 / no such unit"));
    }
    if (kind.byLeader() && caseIds.size() != 1) {
      errors.add(
          new Problem.FieldError("caseIds", "Size", "一件批示针对一件信访件 / an instruction is on one case"));
    }
    LocalDate today = LocalDate.now(clock);
    if (!replyDueOn.isAfter(today)) {
      errors.add(
          new Problem.FieldError(
              "replyDueOn", "Future", "回复期限须晚于今天 / the reply date must be after today"));
    }
    List<String> numbers = new ArrayList<>();
    boolean accusation = false;
    for (int i = 0; i < caseIds.size(); i++) {
      String caseId = caseIds.get(i);
      Optional<ClockEntity> owed =
          clocks.ofCase(UUID.fromString(caseId), recipientRegion).stream()
              .filter(c -> c.unitCode.equals(recipientUnit))
              .findFirst();
      if (owed.isEmpty()) {
        errors.add(
            new Problem.FieldError(
                "caseIds[" + i + "]",
                "OwedByRecipient",
                "该单位在此案中无办理环节 / the unit owes no step of this case"));
      } else {
        numbers.add(owed.get().caseNumber);
        accusation |= owed.get().accusation;
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    LetterEntity letter = new LetterEntity();
    letter.id = UUID.randomUUID();
    letter.kind = kind;
    letter.year = today.getYear();
    letter.issuerRegion = caller.subtree();
    letter.seq = letters.nextSeq(letter.issuerRegion, letter.kind, letter.year);
    letter.issuerUnit = caller.unit();
    letter.issuedBy = caller.user();
    letter.recipientUnit = recipientUnit;
    letter.recipientRegion = recipientRegion;
    letter.caseIds = List.copyOf(caseIds);
    letter.caseNumbers = numbers;
    letter.reason = reason;
    letter.accusation = accusation;
    letter.issuedOn = today;
    letter.replyDueOn = replyDueOn;
    letter.status = LetterStatus.OUTSTANDING;
    letters.persist(letter);
    announce(letter, Change.ISSUED, today);
    return letter;
  }

  /**
   * The letters the caller may see: a handler its own unit's, a supervisor its subtree's; a letter
   * about an accusation only a 信访 or discipline office or the recipient, which handles the case.
   */
  @Transactional
  public List<LetterEntity> visibleTo(Caller caller, LetterStatus status) {
    List<LetterEntity> found =
        supervises(caller)
            ? letters.toSubtree(caller.subtree(), status)
            : letters.toUnit(caller.unit(), status);
    return found.stream().filter(l -> caller.mayHearOf(l.accusation, l.recipientUnit)).toList();
  }

  /** The letters issued at other nodes that the caller may see, by the same rules. */
  @Transactional
  public List<LetterElsewhereEntity> elsewhereVisibleTo(Caller caller, LetterStatus status) {
    List<LetterElsewhereEntity> found =
        supervises(caller)
            ? elsewhere.toSubtree(caller.subtree(), status)
            : elsewhere.toUnit(caller.unit(), status);
    return found.stream().filter(l -> caller.mayHearOf(l.accusation, l.recipientUnit)).toList();
  }

  /**
   * One letter held here, if the caller may see it; 404 otherwise (its existence is not disclosed),
   * also for a letter held at another node: the caller's gateway reads it there.
   */
  @Transactional
  public LetterEntity find(Caller caller, UUID id) {
    return letters
        .findByIdOptional(id)
        .filter(l -> mayRead(caller, l.recipientUnit, l.recipientRegion, l.accusation))
        .orElseThrow(() -> ProblemException.notFound("letter", id.toString()));
  }

  /**
   * The node holding a letter the caller may see: this one, or the node that issued it; 404 for a
   * letter the caller may not see or nobody here has heard of.
   */
  @Transactional
  public NodeRegistry.Node holderOf(Caller caller, UUID id) {
    Optional<LetterEntity> here = letters.findByIdOptional(id);
    if (here.isPresent()) {
      find(caller, id);
      return nodes.selfNode();
    }
    LetterElsewhereEntity heard =
        elsewhere
            .findByIdOptional(id)
            .filter(l -> mayRead(caller, l.recipientUnit, l.recipientRegion, l.accusation))
            .orElseThrow(() -> ProblemException.notFound("letter", id.toString()));
    return nodes.node(heard.heldAt);
  }

  /**
   * 外节点函件: keeps what the broadcast tells of a letter another node issued to a unit of this node's
   * subtree (issued, answered, escalated), so that its offices follow it to its end here. A letter
   * this node issued, or one to a unit outside its subtree, is not kept.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void heardOf(LetterChanged changed) {
    // the node holding it, as its sender names it; from a sender before that field, the host of
    // the issuer's region (for a region outside this node's, never this node: NodeHosts)
    String issuer =
        changed.node() != null
            ? changed.node()
            : nodes
                .hostOf(changed.issuerRegion())
                .map(NodeRegistry.Node::regionCode)
                .orElse(changed.issuerRegion());
    if (issuer.equals(nodes.self()) || !changed.recipientRegion().startsWith(nodes.self())) {
      return;
    }
    UUID id = UUID.fromString(changed.letterId());
    LetterElsewhereEntity letter = elsewhere.findById(id);
    boolean first = letter == null;
    if (first) {
      letter = new LetterElsewhereEntity();
      letter.id = id;
      letter.status = LetterStatus.OUTSTANDING;
    }
    letter.heldAt = issuer;
    letter.number = changed.number();
    letter.kind = LetterKind.valueOf(changed.kind());
    letter.issuerUnit = changed.issuerUnit();
    letter.issuerRegion = changed.issuerRegion();
    letter.recipientUnit = changed.recipientUnit();
    letter.recipientRegion = changed.recipientRegion();
    letter.caseIds = new ArrayList<>(changed.caseIds());
    letter.caseNumbers = new ArrayList<>(changed.caseNumbers());
    // a sender that does not say is taken as an accusation: shown to fewer, never to more
    letter.accusation = !Boolean.FALSE.equals(changed.accusation());
    letter.issuedOn = changed.issuedOn();
    letter.replyDueOn = changed.replyDueOn();
    switch (changed.change()) {
      case ISSUED -> {}
      case ESCALATED -> {
        if (letter.status != LetterStatus.ANSWERED) {
          letter.status = LetterStatus.ESCALATED;
        }
        letter.escalatedOn = changed.on();
      }
      case ANSWERED -> {
        letter.status = LetterStatus.ANSWERED;
        letter.answeredOn = changed.on();
        letter.answeredLate = Boolean.TRUE.equals(changed.answeredLate());
      }
    }
    if (first) {
      elsewhere.persist(letter);
    }
  }

  private static boolean mayRead(
      Caller caller, String recipientUnit, String recipientRegion, boolean accusation) {
    return (recipientUnit.equals(caller.unit())
            || (supervises(caller) && caller.covers(recipientRegion)))
        && caller.mayHearOf(accusation, recipientUnit);
  }

  /** The recipient unit's written answer (书面回复); late if after the reply date. */
  @Transactional
  public LetterEntity answer(Caller caller, UUID id, String answer) {
    LetterEntity letter = find(caller, id);
    if (!letter.recipientUnit.equals(caller.unit())) {
      throw ProblemException.forbidden("只有收函单位可以回复 / only the recipient unit answers");
    }
    if (letter.status == LetterStatus.ANSWERED) {
      throw ProblemException.conflict("此函已于 " + letter.answeredOn + " 回复 / already answered");
    }
    letter.status = LetterStatus.ANSWERED;
    letter.answer = answer;
    letter.answeredOn = LocalDate.now(clock);
    letter.answeredBy = caller.user();
    announce(letter, Change.ANSWERED, letter.answeredOn);
    return letter;
  }

  @Scheduled(
      identity = "letters-watch",
      every = "${petition.supervision.watch-every:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    escalate();
  }

  /** 逾期未复: letters not answered by their reply date are escalated; returns how many. */
  public int escalate() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              LocalDate today = LocalDate.now(clock);
              List<LetterEntity> late = letters.unansweredPast(today);
              for (LetterEntity letter : late) {
                letter.status = LetterStatus.ESCALATED;
                letter.escalatedOn = today;
                announce(letter, Change.ESCALATED, today);
              }
              return late.size();
            });
  }

  /** Tells dashboards and the level above; never the reason or the answer. */
  private void announce(LetterEntity letter, Change change, LocalDate on) {
    List<String> path = divisions.path(letter.issuerRegion).stream().map(d -> d.code()).toList();
    String number = number(letter);
    outbox.publish(
        letter.id.toString(),
        number,
        new LetterChanged(
            letter.id.toString(),
            number,
            letter.kind.name(),
            letter.issuerUnit,
            letter.issuerRegion,
            letter.recipientUnit,
            letter.recipientRegion,
            letter.caseIds,
            letter.caseNumbers,
            letter.issuedOn,
            letter.replyDueOn,
            change,
            change == Change.ANSWERED ? letter.answeredOn.isAfter(letter.replyDueOn) : null,
            change == Change.ESCALATED
                ? (path.size() > 1 ? path.get(path.size() - 2) : letter.issuerRegion)
                : null,
            on,
            letter.accusation,
            nodes.self()));
  }

  /** 文号, e.g. 玉溪市信访督〔2026〕1号. */
  public String number(LetterEntity letter) {
    return regionName(letter.issuerRegion)
        + "信访"
        + letter.kind.numberWord()
        + "〔"
        + letter.year
        + "〕"
        + letter.seq
        + "号";
  }

  public String unitName(String unitCode) {
    return units.nameInWords(unitCode);
  }

  private String regionName(String code) {
    return divisions.find(code).map(d -> d.name()).orElse(code);
  }

  private static boolean supervises(Caller caller) {
    return caller.hasAnyRole(Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER);
  }
}
