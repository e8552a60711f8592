package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.ClockStage;
import cn.gov.petition.supervision.ClockStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 时限看板的统计: open, warned and overdue steps per unit, kept current with every clock change, so that
 * the deadline board sums at most a province's units and never its clocks (V8 migration). Changes
 * are appended, never updated in place, and folded into the tally by {@link #compact()}.
 */
@ApplicationScoped
public class ClockTallies {

  /** Counts of open unit steps (not petitioners' windows) under one code. */
  public record Tally(String code, long open, long warned, long overdue) {}

  /** What one clock adds to its unit's tally. */
  public record Share(String unitCode, String unitRegionCode, int open, int warned, int overdue) {

    static final Share NONE = new Share(null, null, 0, 0, 0);

    /** The clock's share now: one open step, maybe warned or overdue; none once it is done. */
    public static Share of(ClockEntity clock) {
      if (clock.unitCode == null || clock.petitionerWindow || clock.status != ClockStatus.OPEN) {
        return NONE;
      }
      return new Share(
          clock.unitCode,
          clock.unitRegionCode,
          1,
          clock.stage == ClockStage.WARNED ? 1 : 0,
          clock.stage == ClockStage.OVERDUE ? 1 : 0);
    }

    boolean counts() {
      return open != 0 || warned != 0 || overdue != 0;
    }

    Share negated() {
      return new Share(unitCode, unitRegionCode, -open, -warned, -overdue);
    }
  }

  /** Sums of the tallies and the changes not folded in yet, of the units under a region. */
  private static final String SUMMED =
      "SELECT %s, sum(open_steps), sum(warned_steps), sum(overdue_steps) FROM ("
          + " SELECT unit_code, unit_region_code, open_steps, warned_steps, overdue_steps"
          + "  FROM clock_tally WHERE unit_region_code LIKE :prefix"
          + " UNION ALL"
          + " SELECT unit_code, unit_region_code, open_steps, warned_steps, overdue_steps"
          + "  FROM clock_tally_change WHERE unit_region_code LIKE :prefix) t"
          + " %s";

  /** The board's three questions, as bench/run dashboards measures them. */
  public static final String SUBTREE = SUMMED.formatted("count(*)", "");

  public static final String OWN_UNITS =
      SUMMED.formatted(
          "unit_code",
          "WHERE unit_region_code = :region GROUP BY unit_code"
              + " HAVING sum(open_steps) <> 0 ORDER BY unit_code");

  /** {@code %d}: the length of the child regions' codes. */
  public static final String CHILDREN =
      SUMMED.formatted(
          "left(unit_region_code, %1$d)",
          "WHERE length(unit_region_code) >= %1$d GROUP BY 1 HAVING sum(open_steps) <> 0"
              + " ORDER BY 1");

  /** Folds up to {@code :limit} of the oldest changes into the tallies, units in code order. */
  public static final String COMPACT =
      "WITH moved AS (DELETE FROM clock_tally_change WHERE id IN"
          + "  (SELECT id FROM clock_tally_change ORDER BY id LIMIT :limit)"
          + "  RETURNING unit_code, unit_region_code, open_steps, warned_steps, overdue_steps)"
          + " INSERT INTO clock_tally AS t"
          + "  (unit_code, unit_region_code, open_steps, warned_steps, overdue_steps)"
          + " SELECT unit_code, min(unit_region_code), sum(open_steps), sum(warned_steps),"
          + "  sum(overdue_steps) FROM moved GROUP BY unit_code ORDER BY unit_code"
          + " ON CONFLICT (unit_code) DO UPDATE SET"
          + "  open_steps = t.open_steps + EXCLUDED.open_steps,"
          + "  warned_steps = t.warned_steps + EXCLUDED.warned_steps,"
          + "  overdue_steps = t.overdue_steps + EXCLUDED.overdue_steps";

  /** The same for the day tallies. */
  public static final String COMPACT_DAYS =
      "WITH moved AS (DELETE FROM unit_day_change WHERE id IN"
          + "  (SELECT id FROM unit_day_change ORDER BY id LIMIT :limit)"
          + "  RETURNING unit_code, day, unit_region_code, done_on_time, done_late, fell_overdue)"
          + " INSERT INTO unit_day_tally AS t"
          + "  (unit_code, day, unit_region_code, done_on_time, done_late, fell_overdue)"
          + " SELECT unit_code, day, min(unit_region_code), sum(done_on_time), sum(done_late),"
          + "  sum(fell_overdue) FROM moved GROUP BY unit_code, day ORDER BY unit_code, day"
          + " ON CONFLICT (unit_code, day) DO UPDATE SET"
          + "  done_on_time = t.done_on_time + EXCLUDED.done_on_time,"
          + "  done_late = t.done_late + EXCLUDED.done_late,"
          + "  fell_overdue = t.fell_overdue + EXCLUDED.fell_overdue";

  /** Steps done on time, done late and fallen overdue under one code in a period. */
  public record DayTally(String code, long onTime, long late, long fellOverdue) {}

  private static final String DAYS_SUMMED =
      "SELECT %s, sum(done_on_time), sum(done_late), sum(fell_overdue) FROM ("
          + " SELECT unit_code, unit_region_code, done_on_time, done_late, fell_overdue"
          + "  FROM unit_day_tally"
          + "  WHERE day BETWEEN :from AND :to AND unit_region_code LIKE :prefix"
          + " UNION ALL"
          + " SELECT unit_code, unit_region_code, done_on_time, done_late, fell_overdue"
          + "  FROM unit_day_change"
          + "  WHERE day BETWEEN :from AND :to AND unit_region_code LIKE :prefix) t"
          + " %s";

  public static final String DAYS_SUBTREE = DAYS_SUMMED.formatted("count(*)", "");

  public static final String DAYS_OWN_UNITS =
      DAYS_SUMMED.formatted(
          "unit_code", "WHERE unit_region_code = :region GROUP BY unit_code ORDER BY unit_code");

  /** {@code %d}: the length of the child regions' codes. */
  public static final String DAYS_CHILDREN =
      DAYS_SUMMED.formatted(
          "left(unit_region_code, %1$d)",
          "WHERE length(unit_region_code) >= %1$d GROUP BY 1 ORDER BY 1");

  private static final int COMPACT_LIMIT = 100_000;

  /** Any constant the replicas agree on: one compactor at a time. */
  private static final long COMPACTOR_LOCK = 0x7469_6d65_6c69_6d69L;

  private final EntityManager em;

  public ClockTallies(EntityManager em) {
    this.em = em;
  }

  /** Records the difference a change made to a clock, given its share before the change. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(Share before, ClockEntity after) {
    Share now = Share.of(after);
    if (now.equals(before)) {
      return;
    }
    countTheDay(before, now, after);
    if (Objects.equals(before.unitCode(), now.unitCode())) {
      append(
          new Share(
              now.unitCode(),
              now.unitRegionCode(),
              now.open() - before.open(),
              now.warned() - before.warned(),
              now.overdue() - before.overdue()));
      return;
    }
    if (before.counts()) {
      append(before.negated());
    }
    if (now.counts()) {
      append(now);
    }
  }

  /**
   * 日分析: a step done (on time or late) counts on the day it was done; a step falls overdue on the
   * day after its due date, whether the watch marked it or it was done late before the watch came.
   */
  private void countTheDay(Share before, Share now, ClockEntity after) {
    if (before.open() == 1 && now.open() == 0 && after.doneOn != null) {
      boolean onTime = after.status == ClockStatus.ON_TIME;
      appendDay(before, after.doneOn, onTime ? 1 : 0, onTime ? 0 : 1, 0);
      if (!onTime && before.overdue() == 0) {
        appendDay(before, after.dueOn.plusDays(1), 0, 0, 1);
      }
    } else if (before.overdue() == 0 && now.overdue() == 1) {
      appendDay(now, after.dueOn.plusDays(1), 0, 0, 1);
    }
  }

  private void appendDay(Share unit, LocalDate day, int onTime, int late, int fellOverdue) {
    em.createNativeQuery(
            "INSERT INTO unit_day_change (unit_code, day, unit_region_code, done_on_time,"
                + " done_late, fell_overdue) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, unit.unitCode())
        .setParameter(2, day)
        .setParameter(3, unit.unitRegionCode())
        .setParameter(4, onTime)
        .setParameter(5, late)
        .setParameter(6, fellOverdue)
        .executeUpdate();
  }

  private void append(Share change) {
    em.createNativeQuery(
            "INSERT INTO clock_tally_change"
                + " (unit_code, unit_region_code, open_steps, warned_steps, overdue_steps)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, change.unitCode())
        .setParameter(2, change.unitRegionCode())
        .setParameter(3, change.open())
        .setParameter(4, change.warned())
        .setParameter(5, change.overdue())
        .executeUpdate();
  }

  @Scheduled(
      identity = "clock-tally-compactor",
      every = "${petition.supervision.compact-every:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    compact();
  }

  /** Folds the changes into the tallies; another replica compacting at the time is left to it. */
  public void compact() {
    int moved;
    do {
      moved =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    boolean mine =
                        (Boolean)
                            em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                                .setParameter(1, COMPACTOR_LOCK)
                                .getSingleResult();
                    if (!mine) {
                      return 0;
                    }
                    int clocks =
                        em.createNativeQuery(COMPACT)
                            .setParameter("limit", COMPACT_LIMIT)
                            .executeUpdate();
                    int days =
                        em.createNativeQuery(COMPACT_DAYS)
                            .setParameter("limit", COMPACT_LIMIT)
                            .executeUpdate();
                    return Math.max(clocks, days);
                  });
    } while (moved > 0 && moved == COMPACT_LIMIT);
  }

  /** The whole subtree of a region. */
  @Transactional
  public Tally subtree(String region) {
    Object[] row =
        (Object[])
            em.createNativeQuery(SUBTREE).setParameter("prefix", region + "%").getSingleResult();
    return new Tally(region, number(row[1]), number(row[2]), number(row[3]));
  }

  /** The region's own units (at the region itself, not below), by unit. */
  @Transactional
  public List<Tally> ownUnits(String region) {
    return tallies(
        em.createNativeQuery(OWN_UNITS)
            .setParameter("prefix", region + "%")
            .setParameter("region", region));
  }

  /** The region's child regions (codes of {@code childLength} digits), by child. */
  @Transactional
  public List<Tally> children(String region, int childLength) {
    return tallies(
        em.createNativeQuery(CHILDREN.formatted(childLength)).setParameter("prefix", region + "%"));
  }

  /** A period's figures for the whole subtree of a region. */
  @Transactional
  public DayTally daysSubtree(String region, LocalDate from, LocalDate to) {
    Object[] row =
        (Object[]) period(em.createNativeQuery(DAYS_SUBTREE), region, from, to).getSingleResult();
    return new DayTally(region, number(row[1]), number(row[2]), number(row[3]));
  }

  /** A period's figures of the region's own units. */
  @Transactional
  public List<DayTally> daysOwnUnits(String region, LocalDate from, LocalDate to) {
    return dayTallies(
        period(em.createNativeQuery(DAYS_OWN_UNITS), region, from, to)
            .setParameter("region", region));
  }

  /** A period's figures by child region (codes of {@code childLength} digits). */
  @Transactional
  public List<DayTally> daysChildren(String region, int childLength, LocalDate from, LocalDate to) {
    return dayTallies(
        period(em.createNativeQuery(DAYS_CHILDREN.formatted(childLength)), region, from, to));
  }

  private static jakarta.persistence.Query period(
      jakarta.persistence.Query query, String region, LocalDate from, LocalDate to) {
    return query
        .setParameter("prefix", region + "%")
        .setParameter("from", from)
        .setParameter("to", to);
  }

  @SuppressWarnings("unchecked")
  private static List<DayTally> dayTallies(jakarta.persistence.Query query) {
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(r -> new DayTally((String) r[0], number(r[1]), number(r[2]), number(r[3])))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Tally> tallies(jakarta.persistence.Query query) {
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(r -> new Tally((String) r[0], number(r[1]), number(r[2]), number(r[3])))
        .toList();
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
