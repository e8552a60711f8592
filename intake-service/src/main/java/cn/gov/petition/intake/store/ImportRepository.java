package cn.gov.petition.intake.store;

import cn.gov.petition.intake.store.ImportRecordEntity.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Import jobs and their records (docs/migration.md). */
@ApplicationScoped
public class ImportRepository {

  private final EntityManager em;

  public ImportRepository(EntityManager em) {
    this.em = em;
  }

  public void persist(ImportJobEntity job) {
    em.persist(job);
  }

  public void persist(ImportRecordEntity record) {
    em.persist(record);
  }

  public Optional<ImportJobEntity> job(UUID id) {
    return Optional.ofNullable(em.find(ImportJobEntity.class, id));
  }

  /** The job, locked until the caller's transaction ends. */
  public Optional<ImportJobEntity> lockedJob(UUID id) {
    return Optional.ofNullable(
        em.find(ImportJobEntity.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }

  /** The last line a job's parts have taken so far (0 before the first part). */
  public int lastLine(UUID jobId) {
    Number last =
        (Number)
            em.createNativeQuery(
                    "SELECT COALESCE(MAX(line), 0) FROM import_record WHERE job_id = ?1")
                .setParameter(1, jobId)
                .getSingleResult();
    return last.intValue();
  }

  /** The line of each of these former numbers that an earlier part of the job holds. */
  public Map<String, Integer> linesOf(UUID jobId, Collection<String> numbers) {
    Map<String, Integer> lines = new java.util.HashMap<>();
    if (numbers.isEmpty()) {
      return lines;
    }
    List<?> rows =
        em.createNativeQuery(
                "SELECT old_case_number, MIN(line) FROM import_record"
                    + " WHERE job_id = ?1 AND old_case_number = ANY(?2) GROUP BY old_case_number")
            .setParameter(1, jobId)
            .setParameter(2, numbers.toArray(String[]::new))
            .getResultList();
    for (Object row : rows) {
      Object[] values = (Object[]) row;
      lines.put((String) values[0], ((Number) values[1]).intValue());
    }
    return lines;
  }

  /**
   * The next records to import of the running jobs, at most {@code limit}, oldest receipt first (a
   * repeat finds the earlier case in), locked for the caller's transaction; another worker skips
   * them.
   */
  public List<ImportRecordEntity> claimNext(int limit) {
    List<Long> ids =
        em
            .createNativeQuery(
                "SELECT r.id FROM import_record r JOIN import_job j ON j.id = r.job_id"
                    + " WHERE j.status = 'RUNNING' AND r.state = 'PENDING'"
                    + " ORDER BY j.started_at, r.job_id, r.received_on, r.line"
                    + " LIMIT ?1 FOR UPDATE OF r SKIP LOCKED")
            .setParameter(1, limit)
            .getResultList()
            .stream()
            .map(id -> ((Number) id).longValue())
            .toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, ImportRecordEntity> found = new java.util.HashMap<>();
    em.createQuery("from ImportRecordEntity where id in :ids", ImportRecordEntity.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(r -> found.put(r.id, r));
    return ids.stream().map(found::get).toList();
  }

  /**
   * Writes what the transaction changed so far and forgets the entities it loaded: a transaction
   * that imports many cases keeps one case's entities at a time, not all of them.
   */
  public void flushAndClear() {
    em.flush();
    em.clear();
  }

  public ImportRecordEntity record(long id) {
    return em.find(ImportRecordEntity.class, id);
  }

  /** Running jobs that have no record left to import become DONE. */
  public int finishRunning(Instant now) {
    return em.createNativeQuery(
            "UPDATE import_job j SET status = 'DONE', finished_at = ?1 WHERE status = 'RUNNING'"
                + " AND NOT EXISTS (SELECT 1 FROM import_record r"
                + " WHERE r.job_id = j.id AND r.state = 'PENDING')")
        .setParameter(1, now)
        .executeUpdate();
  }

  /** How many of a job's records are in each state. */
  public Map<State, Long> counts(UUID jobId) {
    Map<State, Long> counts = new EnumMap<>(State.class);
    for (State state : State.values()) {
      counts.put(state, 0L);
    }
    List<?> rows =
        em.createNativeQuery(
                "SELECT state, COUNT(*) FROM import_record WHERE job_id = ?1 GROUP BY state")
            .setParameter(1, jobId)
            .getResultList();
    for (Object row : rows) {
      Object[] values = (Object[]) row;
      counts.put(State.valueOf((String) values[0]), ((Number) values[1]).longValue());
    }
    return counts;
  }

  /** How many of a job's records were done since {@code since}: the current rate. */
  public long doneSince(UUID jobId, Instant since) {
    Number done =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM import_record WHERE job_id = ?1 AND done_at > ?2")
                .setParameter(1, jobId)
                .setParameter(2, since)
                .getSingleResult();
    return done.longValue();
  }

  /**
   * A page of the job's report, by line: the records refused or failed and those imported whose due
   * dates differ from the former system's, or ({@code all}) every record.
   */
  public List<ImportRecordEntity> reported(UUID jobId, int afterLine, int size, boolean all) {
    return em.createQuery(
            "from ImportRecordEntity r where r.jobId = ?1 and r.line > ?2"
                + (all ? "" : " and (r.errors is not null or r.dueDifferences is not null)")
                + " order by r.line",
            ImportRecordEntity.class)
        .setParameter(1, jobId)
        .setParameter(2, afterLine)
        .setMaxResults(size)
        .getResultList();
  }
}
