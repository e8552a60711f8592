package cn.gov.petition.intake.store;

import cn.gov.petition.intake.IdType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * 网上信访: a petition a citizen submitted online, verified by a one-time code to their mobile, waiting
 * in the queue of the 信访 office of the matter's county for a registrar (V27). Personal data are
 * sealed at rest as the case's are.
 */
@Entity
@Table(name = "online_submission")
public class OnlineSubmissionEntity {

  /** 待登记, 已登记 (a case now), 不予登记 (not a petition: the reason is told). */
  public enum Status {
    PENDING("已提交，待登记"),
    REGISTERED("已登记"),
    NOT_REGISTERED("未予登记");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id public UUID id;

  /** 查询码: the case registered from it keeps the same one. */
  @Convert(converter = EncryptedString.class)
  @Column(name = "query_code", nullable = false)
  public String queryCode;

  @Column(name = "query_code_digest", nullable = false, unique = true)
  public String queryCodeDigest;

  @Convert(converter = EncryptedString.class)
  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "id_type")
  public IdType idType;

  @Convert(converter = EncryptedString.class)
  @Column(name = "id_number")
  public String idNumber;

  /** The mobile the one-time code was sent to. */
  @Convert(converter = EncryptedString.class)
  @Column(nullable = false)
  public String phone;

  @Column(name = "phone_digest", nullable = false)
  public String phoneDigest;

  @Convert(converter = EncryptedString.class)
  @Column(nullable = false)
  public String address;

  @Column(name = "matter_region_code", nullable = false)
  public String matterRegionCode;

  @Convert(converter = EncryptedString.class)
  @Column(nullable = false)
  public String content;

  @Column(name = "sms_consent", nullable = false)
  public boolean smsConsent;

  /** The 信访 office whose queue it is in. */
  @Column(nullable = false)
  public String office;

  @Column(name = "office_region", nullable = false)
  public String officeRegion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "submitted_at", nullable = false)
  public Instant submittedAt;

  /** The case registered from it. */
  @Column(name = "case_id")
  public UUID caseId;

  @Column(name = "handled_unit")
  public String handledUnit;

  @Column(name = "handled_by")
  public String handledBy;

  @Column(name = "handled_at")
  public Instant handledAt;

  /** Why it was not registered, as the petitioner is told. */
  public String reason;
}
