package cn.gov.petition.intake;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.intake.store.AttachmentRepository;
import cn.gov.petition.intake.store.OnlineSubmissionEntity;
import cn.gov.petition.intake.store.OnlineSubmissionEntity.Status;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 网上信访: a citizen submits a petition online, under real name, verified by a one-time code sent to
 * their mobile; it waits in the queue of the 信访 office of the matter's county, and a registrar
 * there registers it as a case (channel ONLINE, the submission's query code) or declines to, with
 * the reason the petitioner reads on the status page. Never registered by itself: what a citizen
 * writes is read by a clerk before it becomes a case, as the regulation's registration is the
 * office's act (Art 17, 21).
 */
@ApplicationScoped
public class Submissions {

  private static final Units UNITS = Units.national();

  /** Submissions a phone may make in a day. */
  static final int A_DAY = 3;

  private final SubmissionRepository submissions;
  private final OneTimeCodes codes;
  private final SmsNotices sms;
  private final Attachments attachments;
  private final Clock clock;
  private final String province;
  private final String node;

  public Submissions(
      SubmissionRepository submissions,
      OneTimeCodes codes,
      SmsNotices sms,
      Attachments attachments,
      Clock clock,
      @ConfigProperty(name = "petition.node.region") String node) {
    this.submissions = submissions;
    this.codes = codes;
    this.sms = sms;
    this.attachments = attachments;
    this.clock = clock;
    this.node = node;
    this.province = node.substring(0, 2);
  }

  /** What the citizen submits. */
  public record Submission(
      String phone,
      String oneTimeCode,
      String name,
      String idNumber,
      String address,
      String matterRegionCode,
      String content,
      boolean smsConsent) {}

  /**
   * Sends a one-time code to the mobile: 429 when it had one in the last minute, its codes of the
   * day, or its submissions of the day.
   */
  @Transactional
  public void sendCode(String phone) {
    String digest = FieldCipher.instance().digest(phone);
    checkDailyLimit(digest);
    String code = codes.issue(OneTimeCodes.Purpose.SUBMISSION, digest);
    sms.sendCode(phone, node + ":xfj", SmsTemplates.Notice.SUBMISSION_CODE, code);
  }

  /**
   * Takes the submission into the queue of the 信访 office of the matter's county, once the code sent
   * to the phone is right; 422 naming {@code oneTimeCode} when it is not (the try counted), {@code
   * matterRegionCode} for a matter in another province.
   */
  @Transactional
  public OnlineSubmissionEntity submit(Submission s) {
    if (!s.matterRegionCode().startsWith(province)) {
      throw ProblemException.invalid(
          "matterRegionCode",
          "InNodeProvince",
          "问题属地不在本省，请向问题所在地的信访部门反映 / the matter lies outside this platform's province");
    }
    FieldCipher cipher = FieldCipher.instance();
    String digest = cipher.digest(s.phone());
    long code =
        codes.check(OneTimeCodes.Purpose.SUBMISSION, digest, s.oneTimeCode(), "oneTimeCode");
    checkDailyLimit(digest);
    codes.spend(code);
    OnlineSubmissionEntity e = new OnlineSubmissionEntity();
    e.id = UUID.randomUUID();
    e.queryCode = Registrar.queryCode();
    e.queryCodeDigest = cipher.digest(e.queryCode);
    e.name = s.name().strip();
    e.idType = IdType.RESIDENT_ID;
    e.idNumber = s.idNumber().toUpperCase(Locale.ROOT);
    e.phone = s.phone();
    e.phoneDigest = digest;
    e.address = s.address().strip();
    e.matterRegionCode = s.matterRegionCode();
    e.content = s.content().strip();
    e.smsConsent = s.smsConsent();
    e.officeRegion = s.matterRegionCode().substring(0, 6);
    e.office = e.officeRegion + ":xfj";
    e.status = Status.PENDING;
    e.submittedAt = clock.instant();
    submissions.persist(e);
    return e;
  }

  /** The name of the office whose queue the submission is in. */
  public static String officeName(OnlineSubmissionEntity s) {
    return UNITS.nameOr(s.office, "信访工作机构");
  }

  /** How long after submitting the citizen may still attach files. */
  static final Duration ATTACH_WITHIN = Duration.ofDays(1);

  /**
   * Keeps a file the citizen attaches to their submission, found by its query code (404): while it
   * waits for registration and within a day of submitting (409 after).
   */
  @Transactional
  public AttachmentRepository.Stored attach(String queryCode, Attachments.Upload upload) {
    OnlineSubmissionEntity s =
        byQueryCode(queryCode)
            .orElseThrow(
                () -> ProblemException.notFound("submission with this query code", "(查询码)"));
    s = submissions.findById(s.id, LockModeType.PESSIMISTIC_WRITE);
    pending(s);
    if (clock.instant().isAfter(s.submittedAt.plus(ATTACH_WITHIN))) {
      throw ProblemException.conflict(
          "提交已超过一天，不能再上传材料 / files are attached within a day of submitting");
    }
    return attachments.keepForSubmission(s, upload);
  }

  /** The submission with this query code, if one has it. */
  public Optional<OnlineSubmissionEntity> byQueryCode(String queryCode) {
    return submissions.findByQueryCodeDigest(FieldCipher.instance().digests(queryCode));
  }

  /** The office's queue: submissions of a status in the caller's subtree, oldest first. */
  public List<OnlineSubmissionEntity> queue(Caller caller, Status status) {
    return submissions.queue(caller.subtree(), status, 500);
  }

  /** The submission, if the caller's region covers its office; else 404. */
  public OnlineSubmissionEntity visible(UUID id, Caller caller) {
    OnlineSubmissionEntity s = submissions.findById(id);
    if (s == null || !caller.covers(s.officeRegion)) {
      throw ProblemException.notFound("submission", id.toString());
    }
    return s;
  }

  /**
   * The submission a registration is made from, locked, still pending and in the caller's region:
   * 404 outside it, 409 once registered or declined, 422 for another channel than ONLINE.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public OnlineSubmissionEntity claim(UUID id, Petition petition, Caller caller) {
    OnlineSubmissionEntity s = submissions.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (s == null || !caller.covers(s.officeRegion)) {
      throw ProblemException.notFound("submission", id.toString());
    }
    pending(s);
    if (petition.channel() != Channel.ONLINE) {
      throw ProblemException.invalid(
          "channel", "OnlineSubmission", "网上信访须按网上信访形式登记 / a submission is registered as ONLINE");
    }
    return s;
  }

  /** The submission became (or joined) the case. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void registered(OnlineSubmissionEntity s, PetitionCaseEntity c, Caller caller) {
    s.status = Status.REGISTERED;
    s.caseId = c.id;
    attachments.moveToCase(s.id, c.id);
    handled(s, caller);
  }

  /** 不予登记: not a petition; the reason is what the petitioner reads. */
  @Transactional
  public OnlineSubmissionEntity decline(UUID id, String reason, Caller caller) {
    OnlineSubmissionEntity s = submissions.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (s == null || !caller.covers(s.officeRegion)) {
      throw ProblemException.notFound("submission", id.toString());
    }
    pending(s);
    s.status = Status.NOT_REGISTERED;
    s.reason = reason.strip();
    handled(s, caller);
    return s;
  }

  private static void pending(OnlineSubmissionEntity s) {
    if (s.status != Status.PENDING) {
      throw ProblemException.conflict(
          "该网上信访已" + s.status.label() + " / the submission was handled already: " + s.status);
    }
  }

  private void handled(OnlineSubmissionEntity s, Caller caller) {
    s.handledUnit = caller.unit();
    s.handledBy = caller.user();
    s.handledAt = clock.instant();
  }

  private void checkDailyLimit(String phoneDigest) {
    Instant since = clock.instant().minus(Duration.ofDays(1));
    if (submissions.fromPhoneSince(phoneDigest, since) >= A_DAY) {
      throw ProblemException.tooManyRequests(
          "该手机号码今日提交已达" + A_DAY + "件，请明日再提交 / this phone made its submissions of the day",
          Duration.ofHours(1).toSeconds());
    }
  }
}
