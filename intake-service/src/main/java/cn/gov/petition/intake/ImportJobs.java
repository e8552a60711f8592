package cn.gov.petition.intake;

import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.intake.store.ImportJobEntity;
import cn.gov.petition.intake.store.ImportJobEntity.Status;
import cn.gov.petition.intake.store.ImportRecordEntity;
import cn.gov.petition.intake.store.ImportRecordEntity.State;
import cn.gov.petition.intake.store.ImportRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 导入任务 (docs/migration.md): an administrator opens a job, sends the file in parts (each record
 * checked as it comes: the report names what is wrong), starts it, and the node imports the valid
 * records ({@link Importer}) a batch of cases per transaction, oldest receipt first, until none is
 * left or the job is cancelled. Each record's outcome commits with its case, so a node killed at
 * any point resumes where it stopped; a case in already (by its former number) is skipped, so a
 * second run of the same file changes nothing.
 */
@ApplicationScoped
public class ImportJobs {

  private static final Logger LOG = Logger.getLogger(ImportJobs.class);

  /** How far back the rate (records per second) is measured. */
  private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

  private static final TypeReference<List<FieldError>> ERRORS = new TypeReference<>() {};

  private final ImportRepository jobs;
  private final ImportMappings mappings;
  private final Importer importer;
  private final ObjectMapper json;
  private final Clock clock;
  private final Outbox outbox;
  private final int batch;

  public ImportJobs(
      ImportRepository jobs,
      ImportMappings mappings,
      Importer importer,
      ObjectMapper json,
      Clock clock,
      Outbox outbox,
      @ConfigProperty(name = "petition.import.batch", defaultValue = "50") int batch) {
    this.outbox = outbox;
    this.batch = batch;
    this.jobs = jobs;
    this.mappings = mappings;
    this.importer = importer;
    this.json = json;
    this.clock = clock;
  }

  /** One record of a part as the checks left it: the case, or the rules it broke. */
  public record Checked(
      int line, String oldCaseNumber, ImportedCase imported, List<FieldError> errors) {}

  /**
   * Where a job stands: its records by state, the rate of the last minute and the time left at that
   * rate.
   */
  public record Progress(
      UUID id,
      Status status,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      long records,
      long invalid,
      long pending,
      long imported,
      long skipped,
      long failed,
      double perSecond,
      Long secondsLeft,
      String mappingVersions) {}

  /**
   * A record the report lists: the rules it broke, or its due dates the platform counts otherwise.
   */
  public record Reported(
      int line,
      String oldCaseNumber,
      State state,
      UUID caseId,
      List<FieldError> errors,
      List<Importer.DueDifference> differences) {}

  @Transactional
  public Progress open(Caller caller) {
    ImportJobEntity job = new ImportJobEntity();
    job.id = UUID.randomUUID();
    job.unitCode = caller.unit();
    job.regionCode = caller.subtree();
    job.createdBy = caller.user();
    job.createdAt = clock.instant();
    job.status = Status.OPEN;
    jobs.persist(job);
    return progress(job);
  }

  /**
   * Where a job's next part starts: the line its first line is numbered after, and the mapping
   * tables of the job's region its records are read with.
   */
  public record NextPart(int lastLine, ImportMappings.Mapping mapping) {}

  @Transactional
  public NextPart nextPart(UUID id, Caller caller) {
    ImportJobEntity job = ownJob(id, caller);
    return new NextPart(jobs.lastLine(id), mappings.current(job.regionCode));
  }

  /**
   * Adds a part's records to an open job: the valid ones to import, the broken ones with their
   * errors; a former number that an earlier part holds already is broken too. Returns the part's
   * records as stored, in order.
   */
  @Transactional
  public List<Checked> addPart(
      UUID id, Caller caller, List<Checked> part, ImportMappings.Mapping mapping) {
    ImportJobEntity job = lockedOwnJob(id, caller);
    if (job.status != Status.OPEN) {
      throw ProblemException.conflict(
          "the job is " + job.status + ": parts are added before it is started");
    }
    String versions = mapping.describe();
    if (job.mappingVersions != null && !job.mappingVersions.equals(versions)) {
      throw ProblemException.conflict(
          "the mapping tables changed since the job's first part ("
              + job.mappingVersions
              + ", now "
              + versions
              + "): open a new job, so that one file is read with one version");
    }
    job.mappingVersions = versions;
    Map<String, Integer> earlier =
        jobs.linesOf(
            id,
            part.stream()
                .map(Checked::oldCaseNumber)
                .filter(n -> n != null && !n.isBlank())
                .toList());
    List<Checked> stored = new ArrayList<>();
    for (Checked record : part) {
      Checked kept = record;
      Integer first = record.oldCaseNumber() == null ? null : earlier.get(record.oldCaseNumber());
      if (first != null && first < record.line()) {
        List<FieldError> errors = new ArrayList<>(record.errors());
        errors.add(new FieldError("oldCaseNumber", "Unique", "原系统案件编号与第 " + first + " 行重复"));
        kept = new Checked(record.line(), record.oldCaseNumber(), null, List.copyOf(errors));
      }
      ImportRecordEntity entity = new ImportRecordEntity();
      entity.jobId = id;
      entity.line = kept.line();
      entity.oldCaseNumber = kept.oldCaseNumber();
      if (kept.errors().isEmpty()) {
        entity.state = State.PENDING;
        entity.receivedOn = kept.imported().petition().receivedOn();
        entity.record = write(kept.imported());
      } else {
        entity.state = State.INVALID;
        entity.errors = write(kept.errors());
      }
      jobs.persist(entity);
      stored.add(kept);
    }
    return stored;
  }

  /** Starts importing the job's valid records. */
  @Transactional
  public Progress start(UUID id, Caller caller) {
    ImportJobEntity job = lockedOwnJob(id, caller);
    if (job.status != Status.OPEN) {
      throw ProblemException.conflict("the job is " + job.status + "; only an OPEN job starts");
    }
    job.status = Status.RUNNING;
    job.startedAt = clock.instant();
    return progress(job);
  }

  /**
   * Stops the job after the batch being imported: what is in stays in (each case whole), the rest
   * is not imported. A cancelled job's file can be imported again by a new job; what is in is
   * skipped.
   */
  @Transactional
  public Progress cancel(UUID id, Caller caller) {
    ImportJobEntity job = lockedOwnJob(id, caller);
    if (job.status == Status.DONE || job.status == Status.CANCELLED) {
      throw ProblemException.conflict("the job is " + job.status + " already");
    }
    job.status = Status.CANCELLED;
    job.finishedAt = clock.instant();
    return progress(job);
  }

  @Transactional
  public Progress progress(UUID id, Caller caller) {
    return progress(ownJob(id, caller));
  }

  /**
   * A page of the job's report after line {@code afterLine}: what is wrong, or ({@code all}) every
   * record with the case it became.
   */
  @Transactional
  public List<Reported> report(UUID id, Caller caller, int afterLine, int size, boolean all) {
    ownJob(id, caller);
    List<Reported> rows = new ArrayList<>();
    for (ImportRecordEntity r : jobs.reported(id, afterLine, size, all)) {
      rows.add(
          new Reported(
              r.line,
              r.oldCaseNumber,
              r.state,
              r.caseId,
              r.errors == null ? List.of() : read(r.errors, ERRORS),
              r.dueDifferences == null
                  ? List.of()
                  : read(r.dueDifferences, new TypeReference<List<Importer.DueDifference>>() {})));
    }
    return rows;
  }

  /**
   * Imports every pending record of the running jobs, a batch of cases per transaction, until none
   * is left or the node stops; then marks the jobs that have nothing left DONE.
   */
  @Scheduled(
      identity = "imports",
      every = "${petition.import.poll:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void work() {
    while (importBatch()) {
      // one batch per round, each its own transaction
    }
    QuarkusTransaction.requiringNew().run(() -> jobs.finishRunning(clock.instant()));
  }

  /**
   * Imports the next pending records, up to {@code petition.import.batch} cases in one transaction
   * (one commit, one write of their events, bench/README.md); false when none is pending. When one
   * of them breaks a rule or fails, nothing of the batch stays, and its records are imported again
   * one case per transaction, so that each gets its own outcome.
   */
  boolean importBatch() {
    List<Long> claimed = new ArrayList<>();
    try {
      return QuarkusTransaction.requiringNew().call(() -> claimAndImport(batch, claimed));
    } catch (RuntimeException any) {
      if (claimed.isEmpty()) {
        throw any; // nothing claimed: the database is unreachable; the next round retries
      }
      for (int i = 0; i < claimed.size() && importNext(); i++) {
        // the same records, oldest first, each alone
      }
      return true;
    }
  }

  /** Imports the next pending record alone; false when there is none. */
  boolean importNext() {
    List<Long> claimed = new ArrayList<>();
    try {
      return QuarkusTransaction.requiringNew().call(() -> claimAndImport(1, claimed));
    } catch (Refused refused) {
      // rolled back: nothing of the case stays; the record says why
      QuarkusTransaction.requiringNew().run(() -> markFailed(claimed.get(0), refused.errors));
      return true;
    } catch (RuntimeException unexpected) {
      if (claimed.isEmpty()) {
        throw unexpected; // nothing claimed: the database is unreachable; the next round retries
      }
      // a fault of the platform, not of the record (its commit failed): the case is not imported,
      // the job goes on, and the log names the fault, never a value of the record
      LOG.errorf(unexpected, "import: record %d failed", claimed.get(0));
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  markFailed(
                      claimed.get(0),
                      List.of(
                          new FieldError(
                              "",
                              "Internal",
                              "导入时平台内部出错（"
                                  + unexpected.getClass().getSimpleName()
                                  + "），请联系运维后重新导入"))));
      return true;
    }
  }

  /** A case that broke a rule: thrown to roll its transaction back. */
  private static final class Refused extends RuntimeException {
    private final transient List<FieldError> errors;

    Refused(List<FieldError> errors) {
      super("the case broke a rule of the lifecycle", null, false, false);
      this.errors = errors;
    }
  }

  /** A claimed record, read before its case comes in (the session forgets entities per case). */
  private record Claimed(long id, UUID jobId, int line, String record) {}

  /**
   * Claims up to {@code limit} pending records (their ids left in {@code claimed}) and imports
   * their cases in the caller's transaction, their events written together at the end; false when
   * none is pending.
   */
  private boolean claimAndImport(int limit, List<Long> claimed) {
    List<Claimed> next =
        jobs.claimNext(limit).stream()
            .map(r -> new Claimed(r.id, r.jobId, r.line, r.record))
            .toList();
    if (next.isEmpty()) {
      return false;
    }
    next.forEach(r -> claimed.add(r.id()));
    jobs.flushAndClear();
    outbox.collect();
    for (Claimed record : next) {
      Importer.Outcome outcome = importer.bringIn(read(record.record(), ImportedCase.class));
      if (outcome.failed()) {
        LOG.infof(
            "import job %s: line %d refused (%s)", record.jobId(), record.line(), rules(outcome));
        throw new Refused(outcome.errors());
      }
      ImportRecordEntity done = jobs.record(record.id());
      done.state = outcome.already() ? State.SKIPPED : State.IMPORTED;
      done.caseId = outcome.petitionCase().id;
      done.record = null; // the case holds it now, sealed as any case
      done.doneAt = clock.instant();
      if (!outcome.differences().isEmpty()) {
        done.dueDifferences = write(outcome.differences());
      }
      jobs.flushAndClear();
    }
    outbox.writeCollected();
    return true;
  }

  private void markFailed(long recordId, List<FieldError> errors) {
    ImportRecordEntity record = jobs.record(recordId);
    record.state = State.FAILED;
    record.errors = write(errors);
    record.doneAt = clock.instant();
  }

  private static String rules(Importer.Outcome outcome) {
    return String.join(
        ", ", outcome.errors().stream().map(e -> e.field() + " " + e.rule()).toList());
  }

  private Progress progress(ImportJobEntity job) {
    Map<State, Long> counts = jobs.counts(job.id);
    long records = counts.values().stream().mapToLong(Long::longValue).sum();
    long pending = counts.get(State.PENDING);
    Instant now = clock.instant();
    double perSecond = 0;
    Long secondsLeft = null;
    if (job.status == Status.RUNNING) {
      Instant since =
          job.startedAt.isAfter(now.minus(RATE_WINDOW)) ? job.startedAt : now.minus(RATE_WINDOW);
      double seconds = Math.max(1, Duration.between(since, now).toMillis() / 1000.0);
      perSecond = Math.round(jobs.doneSince(job.id, since) / seconds * 10) / 10.0;
      secondsLeft = perSecond > 0 ? (long) Math.ceil(pending / perSecond) : null;
    }
    return new Progress(
        job.id,
        job.status,
        job.createdAt,
        job.startedAt,
        job.finishedAt,
        records,
        counts.get(State.INVALID),
        pending,
        counts.get(State.IMPORTED),
        counts.get(State.SKIPPED),
        counts.get(State.FAILED),
        perSecond,
        secondsLeft,
        job.mappingVersions);
  }

  /** The job, locked until the transaction ends: parts, start and cancel do not cross. */
  private ImportJobEntity lockedOwnJob(UUID id, Caller caller) {
    ImportJobEntity job = jobs.lockedJob(id).orElseThrow(() -> notFound(id));
    mustOwn(job, caller);
    return job;
  }

  private ImportJobEntity ownJob(UUID id, Caller caller) {
    ImportJobEntity job = jobs.job(id).orElseThrow(() -> notFound(id));
    mustOwn(job, caller);
    return job;
  }

  /** A job is the business of its node's administrators of the region that opened it. */
  private static void mustOwn(ImportJobEntity job, Caller caller) {
    if (!caller.covers(job.regionCode)) {
      throw notFound(job.id);
    }
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("import job", id.toString());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an import record cannot be written as JSON", e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored import record is not readable", e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored import record is not readable", e);
    }
  }
}
