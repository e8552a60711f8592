package cn.gov.petition.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * 导入任务: one import of an office's former cases into this node (docs/migration.md): its file comes
 * in parts, then it runs record by record until every valid record is in, or it is cancelled.
 */
@Entity
@Table(name = "import_job")
public class ImportJobEntity extends PanacheEntityBase {

  /** OPEN: taking the file's parts; RUNNING; CANCELLED; DONE. */
  public enum Status {
    OPEN,
    RUNNING,
    CANCELLED,
    DONE
  }

  @Id public UUID id;

  /** The administrator's unit, whose region bounds what the job may import. */
  @Column(name = "unit_code", nullable = false)
  public String unitCode;

  @Column(name = "region_code", nullable = false)
  public String regionCode;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  /** The mapping tables' versions the job's records were read with, e.g. "CATEGORY v2, UNIT v1". */
  @Column(name = "mapping_versions")
  public String mappingVersions;
}
