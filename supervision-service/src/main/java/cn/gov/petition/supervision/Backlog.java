package cn.gov.petition.supervision;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.contracts.BacklogChanged;
import cn.gov.petition.supervision.store.BacklogElsewhereEntity;
import cn.gov.petition.supervision.store.BacklogElsewhereRepository;
import cn.gov.petition.supervision.store.BacklogEntity;
import cn.gov.petition.supervision.store.BacklogRepository;
import cn.gov.petition.supervision.store.CaseEntity;
import cn.gov.petition.supervision.store.CaseRepository;
import cn.gov.petition.supervision.store.ClockEntity;
import cn.gov.petition.supervision.store.ClockRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 积案化解: a supervisor puts an open case that is overdue or petitioned again and again on the backlog
 * list with its owning leader (领导包案), work team and plan; the case is crossed off (销号) by the
 * listing level only when the 一案双督 checks ({@link BacklogChecks}) pass.
 *
 * <p>An entry is held by the node of the level that listed it. A node whose subtree holds the
 * case's unit, and which is not that node, keeps what the broadcast tells of it ({@link #heardOf}):
 * its offices see it in their list, and read it and write their report at the holding node through
 * their own gateway (docs/nodes.md, supervision acts across nodes).
 */
@ApplicationScoped
public class Backlog {

  private final BacklogRepository backlog;
  private final BacklogElsewhereRepository elsewhere;
  private final NodeRegistry nodes;
  private final CaseRepository cases;
  private final ClockRepository clocks;
  private final Clock clock;
  private final Outbox outbox;
  private final int repeats;

  public Backlog(
      BacklogRepository backlog,
      BacklogElsewhereRepository elsewhere,
      NodeRegistry nodes,
      CaseRepository cases,
      ClockRepository clocks,
      Clock clock,
      Outbox outbox,
      @ConfigProperty(name = "petition.supervision.backlog.repeat-petitions", defaultValue = "2")
          int repeats) {
    this.backlog = backlog;
    this.elsewhere = elsewhere;
    this.nodes = nodes;
    this.cases = cases;
    this.clocks = clocks;
    this.clock = clock;
    this.outbox = outbox;
    this.repeats = repeats;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Why the case is backlog today; empty if it is not. */
  public Set<Ground> grounds(CaseEntity standing, List<ClockEntity> caseClocks) {
    LocalDate today = LocalDate.now(clock);
    Set<Ground> grounds = EnumSet.noneOf(Ground.class);
    boolean overdue =
        caseClocks.stream()
            .filter(c -> c.step.judgesTheCase())
            .anyMatch(
                c ->
                    c.status == ClockStatus.LATE
                        || (c.status == ClockStatus.OPEN && c.dueOn.isBefore(today)));
    if (overdue) {
      grounds.add(Ground.OVERDUE);
    }
    if (standing.repeatCount >= repeats) {
      grounds.add(Ground.REPEATED);
    }
    return grounds;
  }

  /** Open cases of the caller's subtree that qualify and are not on the list yet. */
  @Transactional
  public List<CaseEntity> candidates(Caller caller, int limit) {
    return backlog.candidates(caller.subtree(), repeats, LocalDate.now(clock), limit).stream()
        .filter(c -> mayHearOf(caller, c))
        .toList();
  }

  /**
   * Whether the caller may hear of the case: an accusation only a 信访 or discipline office or the
   * unit handling it (Art 30(3), ADR 24).
   */
  static boolean mayHearOf(Caller caller, CaseEntity standing) {
    return standing == null || caller.mayHearOf(standing.accusation, standing.unitCode);
  }

  /** 立为积案、领导包案. */
  @Transactional
  public BacklogEntity take(
      Caller caller,
      UUID caseId,
      String leaderName,
      String leaderPost,
      List<String> team,
      String plan,
      LocalDate resolveBy) {
    CaseEntity standing =
        cases
            .findByIdOptional(caseId)
            .filter(c -> caller.covers(c.unitRegionCode))
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "caseId", "KnownCase", "辖区内无此信访件 / no such case in your subtree"));
    Set<Ground> grounds = grounds(standing, clocks.ofCase(caseId, ""));
    List<Problem.FieldError> errors = new ArrayList<>();
    if (standing.ended) {
      errors.add(
          new Problem.FieldError(
              "caseId", "OpenCase", "案件已结束（" + standing.status + "）/ the case has ended"));
    } else if (grounds.isEmpty()) {
      errors.add(
          new Problem.FieldError(
              "caseId",
              "BacklogGrounds",
              "该件未超期，重复信访不足 "
                  + repeats
                  + " 次，不属积案 / neither overdue nor petitioned again "
                  + repeats
                  + " times"));
    }
    LocalDate today = LocalDate.now(clock);
    if (!resolveBy.isAfter(today)) {
      errors.add(
          new Problem.FieldError(
              "resolveBy", "Future", "化解期限须晚于今天 / the deadline must be after today"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    if (backlog.isOpen(caseId)) {
      throw ProblemException.conflict(standing.caseNumber + " 已列为积案 / already on the backlog list");
    }
    BacklogEntity entry = new BacklogEntity();
    entry.id = UUID.randomUUID();
    entry.standing = standing;
    entry.unitRegionCode = standing.unitRegionCode;
    entry.grounds = grounds.stream().map(Enum::name).collect(Collectors.joining(","));
    entry.leaderName = leaderName;
    entry.leaderPost = leaderPost;
    entry.team = new ArrayList<>(team);
    entry.plan = plan;
    entry.resolveBy = resolveBy;
    entry.listedOn = today;
    entry.listedBy = caller.user();
    entry.listingRegion = caller.subtree();
    entry.status = BacklogStatus.OPEN;
    backlog.persist(entry);
    publish(entry, BacklogChanged.Change.LISTED, today);
    return entry;
  }

  @Transactional
  public List<BacklogEntity> visibleTo(Caller caller, BacklogStatus status, int limit) {
    return backlog.inSubtree(caller.subtree(), status, limit).stream()
        .filter(b -> mayHearOf(caller, b.standing))
        .toList();
  }

  /** The entries held at other nodes that the caller may see, by the same rules. */
  @Transactional
  public List<BacklogElsewhereEntity> elsewhereVisibleTo(
      Caller caller, BacklogStatus status, int limit) {
    return elsewhere.inSubtree(caller.subtree(), status, limit).stream()
        .filter(b -> caller.mayHearOf(b.accusation, b.unitCode))
        .toList();
  }

  /**
   * The node holding a backlog entry the caller may see: this one, or the listing level's; 404 for
   * an entry the caller may not see or nobody here has heard of.
   */
  @Transactional
  public NodeRegistry.Node holderOf(Caller caller, UUID id) {
    if (backlog.findByIdOptional(id).isPresent()) {
      find(caller, id);
      return nodes.selfNode();
    }
    BacklogElsewhereEntity heard =
        elsewhere
            .findByIdOptional(id)
            .filter(
                b -> caller.covers(b.unitRegionCode) && caller.mayHearOf(b.accusation, b.unitCode))
            .orElseThrow(() -> ProblemException.notFound("backlog case", id.toString()));
    return nodes.node(heard.heldAt);
  }

  /**
   * 外节点积案: keeps what the broadcast tells of an entry another node's level listed for a case of a
   * unit of this node's subtree (listed, crossed off), so that its offices follow it to its end
   * here. An entry this node holds, or one for a case outside its subtree, is not kept.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void heardOf(BacklogChanged changed) {
    // the node holding it, as its sender names it; from a sender before that field, the host of
    // the listing level's region (for a region outside this node's, never this node: NodeHosts)
    String holder =
        changed.node() != null
            ? changed.node()
            : nodes
                .hostOf(changed.listingRegion())
                .map(NodeRegistry.Node::regionCode)
                .orElse(changed.listingRegion());
    if (holder.equals(nodes.self()) || !changed.unitRegionCode().startsWith(nodes.self())) {
      return;
    }
    UUID id = UUID.fromString(changed.backlogId());
    BacklogElsewhereEntity entry = elsewhere.findById(id);
    boolean first = entry == null;
    if (first) {
      entry = new BacklogElsewhereEntity();
      entry.id = id;
      entry.status = BacklogStatus.OPEN;
    }
    entry.heldAt = holder;
    entry.caseId = UUID.fromString(changed.caseId());
    entry.caseNumber = changed.caseNumber();
    if (changed.unitCode() != null) {
      entry.unitCode = changed.unitCode();
    }
    entry.unitRegionCode = changed.unitRegionCode();
    entry.listingRegion = changed.listingRegion();
    entry.grounds = String.join(",", changed.grounds());
    // a sender that does not say is taken as an accusation: shown to fewer, never to more
    entry.accusation = !Boolean.FALSE.equals(changed.accusation());
    entry.listedOn = changed.listedOn();
    entry.resolveBy = changed.resolveBy();
    if (changed.change() == BacklogChanged.Change.CROSSED_OFF) {
      entry.status = BacklogStatus.CROSSED_OFF;
      entry.resolution =
          changed.resolution() == null ? null : Resolution.valueOf(changed.resolution());
      entry.crossedOffOn = changed.on();
    }
    if (first) {
      elsewhere.persist(entry);
    }
  }

  /** One backlog case, if it lies in the caller's subtree; 404 otherwise. */
  @Transactional
  public BacklogEntity find(Caller caller, UUID id) {
    return backlog
        .findByIdOptional(id)
        .filter(b -> caller.covers(b.unitRegionCode) && mayHearOf(caller, b.standing))
        .orElseThrow(() -> ProblemException.notFound("backlog case", id.toString()));
  }

  /** 化解报告: written (again) while the case is on the list. */
  @Transactional
  public BacklogEntity report(Caller caller, UUID id, String report) {
    BacklogEntity entry = open(caller, id);
    entry.report = report;
    entry.reportedOn = LocalDate.now(clock);
    return entry;
  }

  /** The 一案双督 checks as they stand, with the petitioner's statement if one is offered. */
  @Transactional
  public List<BacklogChecks.Check> checks(Caller caller, UUID id, String petitionerStatement) {
    BacklogEntity entry = find(caller, id);
    return BacklogChecks.of(entry, clocks.ofCase(entry.standing.caseId, ""), petitionerStatement);
  }

  /** 销号: by the listing level, refused with every failing check named until all pass. */
  @Transactional
  public BacklogEntity crossOff(
      Caller caller, UUID id, Resolution resolution, String petitionerStatement) {
    BacklogEntity entry = open(caller, id);
    if (!caller.covers(entry.listingRegion)) {
      throw ProblemException.forbidden("只有立案的一级可以销号 / only the listing level crosses it off");
    }
    List<Problem.FieldError> failed =
        BacklogChecks.of(entry, clocks.ofCase(entry.standing.caseId, ""), petitionerStatement)
            .stream()
            .filter(c -> !c.passed())
            .map(c -> new Problem.FieldError("checks." + c.name(), c.kind(), c.detail()))
            .toList();
    if (!failed.isEmpty()) {
      throw ProblemException.invalid(failed);
    }
    entry.status = BacklogStatus.CROSSED_OFF;
    entry.resolution = resolution;
    entry.petitionerStatement = petitionerStatement;
    entry.crossedOffOn = LocalDate.now(clock);
    entry.crossedOffBy = caller.user();
    publish(entry, BacklogChanged.Change.CROSSED_OFF, entry.crossedOffOn);
    return entry;
  }

  /** 积案动态 for dashboards and statistics: the case and regions, never a person or the plan. */
  private void publish(BacklogEntity entry, BacklogChanged.Change change, LocalDate on) {
    outbox.publish(
        entry.standing.caseId.toString(),
        entry.standing.caseNumber,
        new BacklogChanged(
            entry.id.toString(),
            entry.standing.caseId.toString(),
            entry.standing.caseNumber,
            entry.unitRegionCode,
            entry.listingRegion,
            List.of(entry.grounds.split(",")),
            entry.listedOn,
            entry.resolveBy,
            change,
            entry.resolution == null ? null : entry.resolution.name(),
            on,
            entry.standing.unitCode,
            entry.standing.accusation,
            nodes.self()));
  }

  private BacklogEntity open(Caller caller, UUID id) {
    BacklogEntity entry = find(caller, id);
    if (entry.status != BacklogStatus.OPEN) {
      throw ProblemException.conflict("已于 " + entry.crossedOffOn + " 销号 / already crossed off");
    }
    return entry;
  }
}
