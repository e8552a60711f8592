package cn.gov.petition.supervision;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.supervision.store.ReceptionDayEntity;
import cn.gov.petition.supervision.store.ReceptionLeaderEntity;
import cn.gov.petition.supervision.store.ReceptionLeaderRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 领导接访: plans leaders' reception days in the caller's subtree, records whether each was held, and
 * checks each leader against the minimum frequency of the level (ReceptionFrequency).
 */
@ApplicationScoped
public class Receptions implements PanacheRepositoryBase<ReceptionDayEntity, UUID> {

  /** How many days back a day held may still be entered (补录). */
  static final int PAST_DAYS = 90;

  private final Clock clock;
  private final DivisionTable divisions;
  private final ReceptionLeaderRepository leaders;

  public Receptions(Clock clock, DivisionTable divisions, ReceptionLeaderRepository leaders) {
    this.clock = clock;
    this.divisions = divisions;
    this.leaders = leaders;
  }

  @Transactional
  public ReceptionDayEntity plan(
      Caller caller, String leader, String post, String region, LocalDate on, String place) {
    checkRegion(caller, region);
    LocalDate today = LocalDate.now(clock);
    if (on.isBefore(today.minusDays(PAST_DAYS)) || on.isAfter(today.plusYears(1))) {
      throw ProblemException.invalid(
          "plannedOn",
          "WithinPlanningWindow",
          "接访日期须在今后一年内，或补录近 "
              + PAST_DAYS
              + " 日内的 / a reception day is planned up to a year ahead, or entered afterwards within "
              + PAST_DAYS
              + " days");
    }
    ReceptionDayEntity day = new ReceptionDayEntity();
    day.id = UUID.randomUUID();
    day.leader = leader;
    day.post = post;
    day.region = region;
    day.plannedOn = on;
    day.place = place;
    day.status = ReceptionStatus.PLANNED;
    day.plannedBy = caller.user();
    persist(day);
    return day;
  }

  /** A region of the caller's subtree that exists: 403 outside it, 422 for no such division. */
  private void checkRegion(Caller caller, String region) {
    if (!caller.covers(region)) {
      throw ProblemException.forbidden("区域 " + region + " 不在您的辖区内 / outside your subtree");
    }
    if (!divisions.exists(region)) {
      throw ProblemException.invalid("region", "KnownDivision", "区划不存在 / no such division");
    }
  }

  /**
   * 接访领导名单: lists a leader of a region of the caller's subtree, who is then measured against the
   * level's minimum whether or not a day is planned; 409 if already listed.
   */
  @Transactional
  public ReceptionLeaderEntity enrol(Caller caller, String leader, String post, String region) {
    checkRegion(caller, region);
    if (leaders.listed(region, leader, post)) {
      throw ProblemException.conflict(
          post + " " + leader + " 已在 " + region + " 的接访领导名单中 / already on the roster");
    }
    ReceptionLeaderEntity entry = new ReceptionLeaderEntity();
    entry.id = UUID.randomUUID();
    entry.region = region;
    entry.leader = leader;
    entry.post = post;
    entry.addedBy = caller.user();
    entry.addedAt = clock.instant();
    leaders.persist(entry);
    return entry;
  }

  /** The roster of the caller's subtree, by region, post and name. */
  @Transactional
  public List<ReceptionLeaderEntity> roster(Caller caller) {
    return leaders.inSubtree(caller.subtree());
  }

  /** Takes a leader off the roster (one who left); the days planned stay. */
  @Transactional
  public void remove(Caller caller, UUID id) {
    ReceptionLeaderEntity entry =
        leaders
            .findByIdOptional(id)
            .filter(l -> caller.covers(l.region))
            .orElseThrow(() -> ProblemException.notFound("leader on the roster", id.toString()));
    leaders.delete(entry);
  }

  /** Records a planned day as held (with persons and batches received) or not held. */
  @Transactional
  public ReceptionDayEntity record(
      Caller caller, UUID id, boolean held, Integer persons, Integer batches, String note) {
    ReceptionDayEntity day = find(caller, id);
    if (day.status != ReceptionStatus.PLANNED) {
      throw ProblemException.conflict("已记录为 " + day.status + " / already recorded");
    }
    if (day.plannedOn.isAfter(LocalDate.now(clock))) {
      throw ProblemException.conflict("接访日 " + day.plannedOn + " 尚未到来 / the day has not come");
    }
    if (held && (persons == null || batches == null)) {
      throw ProblemException.invalid(
          "persons", "RequiredWhenHeld", "举行接访须填写接待人次和批次 / persons and batches when held");
    }
    day.status = held ? ReceptionStatus.HELD : ReceptionStatus.NOT_HELD;
    day.persons = held ? persons : null;
    day.batches = held ? batches : null;
    day.note = note;
    day.recordedBy = caller.user();
    return day;
  }

  @Transactional
  public ReceptionDayEntity find(Caller caller, UUID id) {
    return findByIdOptional(id)
        .filter(d -> caller.covers(d.region))
        .orElseThrow(() -> ProblemException.notFound("reception day", id.toString()));
  }

  @Transactional
  public List<ReceptionDayEntity> inSubtree(Caller caller, LocalDate from, LocalDate to) {
    return list(
        "region like ?1 and plannedOn >= ?2 and plannedOn <= ?3 order by plannedOn, id",
        caller.subtree() + "%",
        from,
        to);
  }

  /** 接访达标: one leader's record against the level's minimum over a range. */
  public record Compliance(
      String leader,
      String post,
      String regionCode,
      String regionName,
      Division.Level level,
      int periods,
      int periodsWithReception,
      List<String> missing,
      boolean compliant,
      @Schema(description = "期内安排的接访日数 / the days planned in the range") int daysPlanned,
      @Schema(description = "名单内领导期内未安排接访 / a leader on the roster who planned no day")
          boolean plansNone) {}

  /**
   * Every leader on the roster of the caller's subtree and every other with a day planned in the
   * range, checked; a leader on the roster without a day is flagged (plansNone).
   */
  @Transactional
  public List<Compliance> compliance(Caller caller, LocalDate from, LocalDate to) {
    Map<List<String>, List<ReceptionDayEntity>> byLeader =
        inSubtree(caller, from, to).stream()
            .collect(
                Collectors.groupingBy(
                    d -> List.of(d.region, d.leader, d.post),
                    LinkedHashMap::new,
                    Collectors.toList()));
    for (ReceptionLeaderEntity listed : roster(caller)) {
      byLeader.putIfAbsent(List.of(listed.region, listed.leader, listed.post), List.of());
    }
    List<Compliance> result = new ArrayList<>();
    byLeader.forEach(
        (key, days) -> {
          Division.Level level = Division.Level.ofCode(key.get(0));
          Set<LocalDate> held =
              days.stream()
                  .filter(d -> d.status == ReceptionStatus.HELD)
                  .map(d -> ReceptionFrequency.periodStart(level, d.plannedOn))
                  .collect(Collectors.toSet());
          List<LocalDate> periods = ReceptionFrequency.periods(level, from, to);
          List<String> missing =
              periods.stream()
                  .filter(p -> !held.contains(p))
                  .map(p -> ReceptionFrequency.label(level, p))
                  .toList();
          result.add(
              new Compliance(
                  key.get(1),
                  key.get(2),
                  key.get(0),
                  divisions.find(key.get(0)).map(Division::name).orElse(key.get(0)),
                  level,
                  periods.size(),
                  periods.size() - missing.size(),
                  missing,
                  missing.isEmpty(),
                  days.size(),
                  days.isEmpty()));
        });
    return result;
  }
}
