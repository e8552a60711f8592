package cn.gov.petition.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One record (line or row) of an import job's file: the case as read, sealed until it is in, and
 * what became of it.
 */
@Entity
@Table(name = "import_record")
public class ImportRecordEntity extends PanacheEntityBase {

  /** What became of a record. */
  public enum State {
    /** The checks refused it: nothing of it is imported. */
    INVALID,
    PENDING,
    IMPORTED,
    /** A case with its former number is in already (an earlier run of the same file). */
    SKIPPED,
    /** Its replay broke a rule of the lifecycle: nothing of it is imported. */
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "job_id", nullable = false)
  public UUID jobId;

  @Column(nullable = false)
  public int line;

  @Column(name = "old_case_number")
  public String oldCaseNumber;

  @Column(name = "received_on")
  public LocalDate receivedOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  /** The record as read (JSON), sealed; dropped once its case is in. */
  @Convert(converter = EncryptedString.class)
  public String record;

  /** The rules it broke (JSON list of field, rule, message); never a value of the record. */
  public String errors;

  /** Where the platform counts another due date than the former system recorded (JSON). */
  @Column(name = "due_differences")
  public String dueDifferences;

  @Column(name = "case_id")
  public UUID caseId;

  @Column(name = "done_at")
  public Instant doneAt;
}
