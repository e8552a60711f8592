package cn.gov.petition.intake;

import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.intake.store.AccusedEntity;
import cn.gov.petition.intake.store.AttachmentRepository;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.CaseTransitionEntity;
import cn.gov.petition.intake.store.ContentIndex;
import cn.gov.petition.intake.store.ObjectStorage;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.PetitionerEntity;
import cn.gov.petition.intake.store.RetentionRepository;
import cn.gov.petition.intake.store.RetentionRepository.Due;
import cn.gov.petition.intake.store.RetentionRepository.Run;
import cn.gov.petition.intake.store.SmsOutboxRepository;
import cn.gov.petition.intake.store.SubmissionRepository;
import cn.gov.petition.intake.store.TransitionRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * 保管期限 and 匿名化 (issue 31, item 8; ADR 40): each office's retention period per {@link RecordType}
 * (its own, else the platform's default), and the job that, once a case's period has passed, takes
 * its personal data out ({@link RecordType#CASE_FILE}) or deletes its attachments ({@link
 * RecordType#ATTACHMENT}). The case, its history's codes and dates, and every figure counted from
 * it stay; what was done is recorded per case ({@code retention_action}), naming fields and
 * attachments, never a value.
 */
@ApplicationScoped
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Cases taken per round of a run, each in its own transaction. */
  private static final int BATCH = 100;

  /** Who started the nightly run. */
  public static final String SCHEDULER = "retention-job";

  /** A record type's period as an office has it; {@code years} null is 永久. */
  public record Period(
      RecordType type,
      Integer years,
      boolean own,
      String reason,
      String changedBy,
      java.time.Instant changedAt) {}

  /** A run and what it did to the cases of the office that asked (all offices for the job's). */
  public record Report(Run run, List<RetentionRepository.Action> actions) {}

  private final RetentionRepository store;
  private final CaseRepository cases;
  private final TransitionRepository history;
  private final AttachmentRepository attachments;
  private final SmsOutboxRepository sms;
  private final SubmissionRepository submissions;
  private final ContentIndex index;
  private final ObjectStorage objects;
  private final Clock clock;
  private final ManagedExecutor executor;

  public Retention(
      RetentionRepository store,
      CaseRepository cases,
      TransitionRepository history,
      AttachmentRepository attachments,
      SmsOutboxRepository sms,
      SubmissionRepository submissions,
      ContentIndex index,
      ObjectStorage objects,
      Clock clock,
      ManagedExecutor executor) {
    this.store = store;
    this.cases = cases;
    this.history = history;
    this.attachments = attachments;
    this.sms = sms;
    this.submissions = submissions;
    this.index = index;
    this.objects = objects;
    this.clock = clock;
    this.executor = executor;
  }

  /** The office's period of every record type, in the order of {@link RecordType}. */
  @Transactional
  public List<Period> periods(String office) {
    Map<String, RetentionRepository.Period> stored = store.periods(office);
    List<Period> periods = new ArrayList<>();
    for (RecordType type : RecordType.values()) {
      RetentionRepository.Period p = stored.get(type.name());
      periods.add(new Period(type, p.years(), p.own(), p.reason(), p.changedBy(), p.changedAt()));
    }
    return periods;
  }

  /**
   * Puts the caller's office's own period of the record type: whole years from 1 to 100, or 永久
   * ({@code permanent}, no years); a reason (the archives rule it follows) is required. 422 naming
   * each field and rule broken, and nothing stored.
   */
  @Transactional
  public Period set(
      String recordType, Integer years, boolean permanent, String reason, Caller caller) {
    RecordType type = type(recordType);
    List<FieldError> broken = new ArrayList<>();
    if (permanent && years != null) {
      broken.add(new FieldError("years", "Null", "永久 has no years: give years or permanent"));
    } else if (!permanent && years == null) {
      broken.add(new FieldError("years", "NotNull", "give the period in years, or permanent"));
    } else if (years != null && years < 1) {
      broken.add(new FieldError("years", "Min", "a period is at least 1 year"));
    } else if (years != null && years > 100) {
      broken.add(new FieldError("years", "Max", "a period is at most 100 years (or permanent)"));
    }
    if (reason == null || reason.isBlank()) {
      broken.add(new FieldError("reason", "NotBlank", "name the archives rule the period follows"));
    } else if (reason.length() > 500) {
      broken.add(new FieldError("reason", "Size", "at most 500 characters"));
    }
    if (!broken.isEmpty()) {
      throw ProblemException.invalid(broken);
    }
    store.put(caller.unit(), type.name(), years, reason.strip(), caller.user(), clock.instant());
    return periods(caller.unit()).get(type.ordinal());
  }

  /** Back to the platform's default period of the record type for the caller's office. */
  @Transactional
  public Period restore(String recordType, Caller caller) {
    RecordType type = type(recordType);
    store.remove(caller.unit(), type.name());
    return periods(caller.unit()).get(type.ordinal());
  }

  private static RecordType type(String name) {
    for (RecordType type : RecordType.values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    throw ProblemException.notFound("record type", name);
  }

  /** Every night (02:30 by default, {@code petition.retention.cron}), for every office. */
  @Scheduled(
      identity = "retention",
      cron = "${petition.retention.cron:0 30 2 * * ?}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void nightly() {
    Run run = begin(null, SCHEDULER);
    execute(run);
    int done = QuarkusTransaction.requiringNew().call(() -> store.actionsOf(run.id())).size();
    if (done > 0) {
      LOG.infof("retention run %s: %d cases past their periods", run.id(), done);
    }
  }

  /**
   * Starts a run now for the cases the caller's office registered, on a worker thread; the run's
   * {@code finishedAt} tells when it is done.
   */
  public Run start(Caller caller) {
    Run run = begin(caller.unit(), caller.user() + "@" + caller.unit());
    executor.runAsync(() -> execute(run));
    return run;
  }

  private Run begin(String office, String by) {
    Run run = new Run(UUID.randomUUID(), LocalDate.now(clock), office, by, clock.instant(), null);
    QuarkusTransaction.requiringNew().run(() -> store.started(run));
    return run;
  }

  /**
   * First the objects an earlier run could not delete, then every case file and every case's
   * attachments past their period, a case per transaction, then this run's objects.
   */
  private void execute(Run run) {
    try {
      deletePendingObjects();
      each(run, RecordType.CASE_FILE, store::caseFilesDue, this::anonymise);
      each(run, RecordType.ATTACHMENT, store::attachmentsDue, this::dropAttachments);
      deletePendingObjects();
    } finally {
      QuarkusTransaction.requiringNew().run(() -> store.finished(run.id(), clock.instant()));
    }
  }

  /** The run, with what it did to the office's cases (every office's for null). */
  @Transactional
  public Optional<Report> report(UUID id, String office) {
    return store
        .run(id)
        .map(
            run ->
                new Report(
                    run, office == null ? store.actionsOf(id) : store.actionsOf(id, office)));
  }

  @Transactional
  public List<Run> latestRuns(int most) {
    return store.latestRuns(most);
  }

  private interface DueCases {
    List<Due> find(LocalDate today, String office, int most);
  }

  /** Acts on each case due, a case per transaction; a case that fails is taken by the next run. */
  private void each(Run run, RecordType type, DueCases due, BiFunction<Run, Due, Long> act) {
    Set<UUID> seen = new HashSet<>();
    while (true) {
      List<Due> batch =
          QuarkusTransaction.requiringNew().call(() -> due.find(run.asOf(), run.office(), BATCH));
      batch = batch.stream().filter(d -> seen.add(d.caseId())).toList();
      if (batch.isEmpty()) {
        return;
      }
      for (Due d : batch) {
        try {
          QuarkusTransaction.requiringNew().call(() -> act.apply(run, d));
        } catch (RuntimeException e) {
          // the case keeps what it had; the next run takes it again
          LOG.warnf(
              "retention of %s (%s) failed: %s", d.caseNumber(), type, e.getClass().getName());
        }
      }
    }
  }

  /** Takes the case's personal data out, in one transaction with its record. */
  private Long anonymise(Run run, Due due) {
    PetitionCaseEntity c = cases.findById(due.caseId(), LockModeType.PESSIMISTIC_WRITE);
    if (c == null || c.anonymisedOn != null) {
      return null;
    }
    Map<String, Object> done = new LinkedHashMap<>();
    List<String> fields = new ArrayList<>(List.of("content", "queryCode"));
    c.content = PersonalData.MARK;
    c.queryCode = PersonalData.MARK;
    c.queryCodeDigest = "anonymised:" + c.id;
    c.idempotencyFingerprint = null;
    if (c.newFacts != null) {
      c.newFacts = PersonalData.MARK;
      fields.add("newFacts");
    }
    if (c.intermediaryName != null) {
      c.intermediaryName = PersonalData.MARK;
      fields.add("intermediaryName");
    }
    for (PetitionerEntity p : c.petitioners) {
      p.name = PersonalData.MARK;
      p.idNumber = null;
      p.idNumberDigest = null;
      p.phone = null;
      p.phoneDigest = null;
      p.smsConsent = false;
      p.address = null;
      p.nameAddressDigest = null;
      p.nameDigest = null;
    }
    for (AccusedEntity a : c.accused) {
      a.name = PersonalData.MARK;
      a.post = PersonalData.text(a.post);
    }
    c.anonymisedOn = run.asOf();
    done.put("fields", fields);
    done.put("petitioners", c.petitioners.size());
    done.put("accused", c.accused.size());
    int entries = 0;
    for (CaseTransitionEntity t : history.ofCase(c.id)) {
      t.details = PersonalData.anonymised(t.details);
      entries++;
    }
    done.put("historyEntries", entries);
    index.index(c.id, c.content);
    done.put("smsMessages", sms.dropOfCase(c.id));
    submissions
        .ofCase(c.id)
        .ifPresent(
            s -> {
              s.name = PersonalData.MARK;
              s.idNumber = null;
              s.phone = PersonalData.MARK;
              s.phoneDigest = "anonymised:" + s.id;
              s.address = PersonalData.MARK;
              s.content = PersonalData.MARK;
              s.queryCode = PersonalData.MARK;
              s.queryCodeDigest = "anonymised:" + s.id;
              s.reason = PersonalData.text(s.reason);
              done.put("onlineSubmission", s.id.toString());
            });
    List<String> keys = dropped(attachments.dropOfCase(c.id), done);
    return store.acted(
        run.id(), due, RecordType.CASE_FILE.name(), json(done), keys, clock.instant());
  }

  /** Deletes the case's attachments, in one transaction with its record. */
  private Long dropAttachments(Run run, Due due) {
    Map<String, Object> done = new LinkedHashMap<>();
    List<String> keys = dropped(attachments.dropOfCase(due.caseId()), done);
    if (keys.isEmpty()) {
      return null;
    }
    return store.acted(
        run.id(), due, RecordType.ATTACHMENT.name(), json(done), keys, clock.instant());
  }

  private static List<String> dropped(
      List<AttachmentRepository.Stored> gone, Map<String, Object> done) {
    List<Map<String, Object>> listed = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (AttachmentRepository.Stored a : gone) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("id", a.id().toString());
      one.put("kind", a.kind());
      one.put("size", a.size());
      one.put("uploadedAt", a.uploadedAt().toString());
      listed.add(one);
      keys.add(a.objectKey());
    }
    done.put("attachments", listed);
    return keys;
  }

  /** Deletes from the object store what the database no longer has, and records it deleted. */
  private void deletePendingObjects() {
    for (RetentionRepository.Action a :
        QuarkusTransaction.requiringNew().call(() -> store.pendingObjects(1000))) {
      try {
        objects.delete(a.objectsPending());
        QuarkusTransaction.requiringNew().run(() -> store.objectsDeleted(a.id()));
      } catch (RuntimeException e) {
        // unreadable without the data keys already gone; deleted by the next run
        LOG.warnf("the object store did not delete the attachments of %s: %s", a.caseNumber(), e);
      }
    }
  }

  private static String json(Map<String, Object> done) {
    try {
      return JSON.writeValueAsString(done);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
