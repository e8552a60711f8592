package cn.gov.petition.intake.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 保管期限 and what the retention job did ({@code retention_period}, {@code retention_run}, {@code
 * retention_action}, V28).
 */
@ApplicationScoped
public class RetentionRepository {

  /** The platform default's office in {@code retention_period}. */
  public static final String DEFAULT = "*";

  /** A record type's period for an office: {@code years} null is 永久. */
  public record Period(
      String recordType,
      Integer years,
      boolean own,
      String reason,
      String changedBy,
      Instant changedAt) {}

  /** A case whose period for a record type has passed. */
  public record Due(UUID caseId, String caseNumber, String office, LocalDate endedOn, int years) {}

  /** One run of the job. */
  public record Run(
      UUID id,
      LocalDate asOf,
      String office,
      String startedBy,
      Instant startedAt,
      Instant finishedAt) {}

  /** One thing a run did to one case. */
  public record Action(
      long id,
      UUID runId,
      UUID caseId,
      String caseNumber,
      String office,
      String recordType,
      int years,
      LocalDate endedOn,
      String done,
      List<String> objectsPending,
      Instant doneAt) {}

  private final EntityManager em;

  public RetentionRepository(EntityManager em) {
    this.em = em;
  }

  /** The office's period of each record type: its own, else the platform's default. */
  public Map<String, Period> periods(String office) {
    Map<String, Period> periods = new LinkedHashMap<>();
    for (Object each :
        em.createNativeQuery(
                "SELECT DISTINCT ON (record_type) record_type, years, office <> '*', reason,"
                    + " changed_by, changed_at FROM retention_period WHERE office IN ('*', ?1)"
                    + " ORDER BY record_type, office = '*'")
            .setParameter(1, office)
            .getResultList()) {
      Object[] r = (Object[]) each;
      periods.put(
          (String) r[0],
          new Period(
              (String) r[0],
              r[1] == null ? null : ((Number) r[1]).intValue(),
              (Boolean) r[2],
              (String) r[3],
              (String) r[4],
              NativeValues.instant(r[5])));
    }
    return periods;
  }

  /** Puts the office's own period of the record type, in place of any before. */
  public void put(
      String office, String recordType, Integer years, String reason, String user, Instant now) {
    em.createNativeQuery(
            "INSERT INTO retention_period (office, record_type, years, reason, changed_by,"
                + " changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (office, record_type)"
                + " DO UPDATE SET years = EXCLUDED.years, reason = EXCLUDED.reason,"
                + " changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at")
        .setParameter(1, office)
        .setParameter(2, recordType)
        .setParameter(3, years)
        .setParameter(4, reason)
        .setParameter(5, user)
        .setParameter(6, now)
        .executeUpdate();
  }

  /** Removes the office's own period of the record type; whether it had one. */
  public boolean remove(String office, String recordType) {
    return em.createNativeQuery(
                "DELETE FROM retention_period WHERE office = ?1 AND record_type = ?2")
            .setParameter(1, office)
            .setParameter(2, recordType)
            .executeUpdate()
        > 0;
  }

  /**
   * Cases of the office (every office for null) ended at least their period of CASE_FILE before
   * {@code today} and not yet anonymised, longest ended first.
   */
  public List<Due> caseFilesDue(LocalDate today, String office, int most) {
    return due("CASE_FILE", "c.anonymised_on IS NULL", today, office, most);
  }

  /** The same for ATTACHMENT: ended cases past its period that still have attachments. */
  public List<Due> attachmentsDue(LocalDate today, String office, int most) {
    return due(
        "ATTACHMENT",
        "EXISTS (SELECT 1 FROM attachment a WHERE a.case_id = c.id)",
        today,
        office,
        most);
  }

  private List<Due> due(String type, String left, LocalDate today, String office, int most) {
    List<Due> due = new ArrayList<>();
    for (Object each :
        em.createNativeQuery(
                "SELECT c.id, c.case_number, c.registering_unit, c.ended_on, p.years"
                    + " FROM petition_case c CROSS JOIN LATERAL (SELECT years FROM"
                    + " retention_period WHERE record_type = ?1 AND office IN ('*',"
                    + " c.registering_unit) ORDER BY office = '*' LIMIT 1) p"
                    + " WHERE c.ended_on IS NOT NULL AND p.years IS NOT NULL"
                    + " AND c.ended_on + make_interval(years => p.years) <= ?2"
                    + " AND (CAST(?3 AS text) IS NULL OR c.registering_unit = ?3) AND "
                    + left
                    + " ORDER BY c.ended_on, c.id LIMIT ?4")
            .setParameter(1, type)
            .setParameter(2, today)
            .setParameter(3, office)
            .setParameter(4, most)
            .getResultList()) {
      Object[] r = (Object[]) each;
      due.add(
          new Due(
              (UUID) r[0],
              (String) r[1],
              (String) r[2],
              NativeValues.date(r[3]),
              ((Number) r[4]).intValue()));
    }
    return due;
  }

  public void started(Run run) {
    em.createNativeQuery(
            "INSERT INTO retention_run (id, as_of, office, started_by, started_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, run.id())
        .setParameter(2, run.asOf())
        .setParameter(3, run.office())
        .setParameter(4, run.startedBy())
        .setParameter(5, run.startedAt())
        .executeUpdate();
  }

  public void finished(UUID run, Instant at) {
    em.createNativeQuery("UPDATE retention_run SET finished_at = ?2 WHERE id = ?1")
        .setParameter(1, run)
        .setParameter(2, at)
        .executeUpdate();
  }

  /** Records what was done; {@code done} is JSON naming fields, ids, kinds and sizes only. */
  public long acted(
      UUID run, Due due, String recordType, String done, List<String> objects, Instant at) {
    return ((Number)
            em.createNativeQuery(
                    "INSERT INTO retention_action (run_id, case_id, case_number, office,"
                        + " record_type, years, ended_on, done, objects_pending, done_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS jsonb),"
                        + " CAST(?9 AS text[]), ?10) RETURNING id")
                .setParameter(1, run)
                .setParameter(2, due.caseId())
                .setParameter(3, due.caseNumber())
                .setParameter(4, due.office())
                .setParameter(5, recordType)
                .setParameter(6, due.years())
                .setParameter(7, due.endedOn())
                .setParameter(8, done)
                .setParameter(9, objects.toArray(String[]::new))
                .setParameter(10, at)
                .getSingleResult())
        .longValue();
  }

  /** Actions whose objects the store has not yet confirmed deleted, oldest first. */
  public List<Action> pendingObjects(int most) {
    return actions("objects_pending <> '{}' ORDER BY id LIMIT " + most);
  }

  /** The store confirmed the action's objects deleted. */
  public void objectsDeleted(long action) {
    em.createNativeQuery("UPDATE retention_action SET objects_pending = '{}' WHERE id = ?1")
        .setParameter(1, action)
        .executeUpdate();
  }

  public Optional<Run> run(UUID id) {
    return runs("id = ?1", id).stream().findFirst();
  }

  /** The latest runs, newest first. */
  public List<Run> latestRuns(int most) {
    return runs("TRUE ORDER BY started_at DESC, id LIMIT " + most);
  }

  /** What the run did, in order. */
  public List<Action> actionsOf(UUID run) {
    return actions("run_id = ?1 ORDER BY id", run);
  }

  /** What the run did to cases of the office, in order. */
  public List<Action> actionsOf(UUID run, String office) {
    return actions("run_id = ?1 AND office = ?2 ORDER BY id", run, office);
  }

  private List<Run> runs(String where, Object... parameters) {
    var query =
        em.createNativeQuery(
            "SELECT id, as_of, office, started_by, started_at, finished_at FROM retention_run"
                + " WHERE "
                + where);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    List<Run> runs = new ArrayList<>();
    for (Object each : query.getResultList()) {
      Object[] r = (Object[]) each;
      runs.add(
          new Run(
              (UUID) r[0],
              NativeValues.date(r[1]),
              (String) r[2],
              (String) r[3],
              NativeValues.instant(r[4]),
              NativeValues.instant(r[5])));
    }
    return runs;
  }

  private List<Action> actions(String where, Object... parameters) {
    var query =
        em.createNativeQuery(
            "SELECT id, run_id, case_id, case_number, office, record_type, years, ended_on,"
                + " CAST(done AS text), objects_pending, done_at FROM retention_action WHERE "
                + where);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    List<Action> actions = new ArrayList<>();
    for (Object each : query.getResultList()) {
      Object[] r = (Object[]) each;
      actions.add(
          new Action(
              ((Number) r[0]).longValue(),
              (UUID) r[1],
              (UUID) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              ((Number) r[6]).intValue(),
              NativeValues.date(r[7]),
              (String) r[8],
              strings(r[9]),
              NativeValues.instant(r[10])));
    }
    return actions;
  }

  private static List<String> strings(Object array) {
    if (array instanceof String[] s) {
      return List.of(s);
    }
    if (array instanceof Object[] o) {
      return Arrays.stream(o).map(String::valueOf).toList();
    }
    return List.of();
  }
}
