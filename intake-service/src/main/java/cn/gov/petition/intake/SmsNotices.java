package cn.gov.petition.intake;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.intake.SmsTemplates.Notice;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.PetitionerEntity;
import cn.gov.petition.intake.store.SmsOutboxRepository;
import cn.gov.petition.intake.store.SmsOutboxRepository.Due;
import cn.gov.petition.intake.store.SmsOutboxRepository.Sent;
import cn.gov.petition.intake.store.SmsOutboxRepository.Told;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 短信告知 (issue 29): the SMS a petitioner is sent when told of a step, for each petitioner who gave a
 * mobile number and agreed ({@code smsConsent}). A notice is queued in the transaction of the step
 * it tells of (nothing is sent for a step that did not happen, nothing is lost for one that did),
 * in the registering office's wording ({@link OfficeSmsTemplates}); the sender takes what is due,
 * at most {@code perPhonePerHour} to one phone in an hour (the rest waits), tries again with a
 * growing pause after a failure, and gives up after {@code attempts}; delivery receipts mark each
 * message delivered or not.
 */
@ApplicationScoped
public class SmsNotices {

  /** The first pause after a failed attempt; each next one is twice as long, at most an hour. */
  static final Duration FIRST_PAUSE = Duration.ofSeconds(10);

  private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

  private final SmsOutboxRepository outbox;
  private final OfficeSmsTemplates templates;
  private final Clock clock;
  private final int perPhonePerHour;
  private final int attempts;

  public SmsNotices(
      SmsOutboxRepository outbox,
      OfficeSmsTemplates templates,
      Clock clock,
      @ConfigProperty(name = "petition.sms.per-phone-per-hour", defaultValue = "5")
          int perPhonePerHour,
      @ConfigProperty(name = "petition.sms.attempts", defaultValue = "8") int attempts) {
    this.outbox = outbox;
    this.templates = templates;
    this.clock = clock;
    this.perPhonePerHour = perPhonePerHour;
    this.attempts = attempts;
  }

  /**
   * Queues the notice to each petitioner of the case who agreed to be told by SMS, in the
   * registering office's wording filled with {@code values}; in the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void tell(PetitionCaseEntity c, Notice notice, Map<String, String> values) {
    queue(c, notice, values, mobiles(c).stream().filter(p -> p.smsConsent).toList());
  }

  /**
   * Queues the one-time code of an evaluation to each mobile number on file for the case, once a
   * number, asked for by the petitioner (no consent to notices needed); the numbers it goes to.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<String> sendCode(PetitionCaseEntity c, String code) {
    Map<String, PetitionerEntity> byPhone = new LinkedHashMap<>();
    mobiles(c).forEach(p -> byPhone.putIfAbsent(p.phoneDigest, p));
    List<PetitionerEntity> to = List.copyOf(byPhone.values());
    queue(c, Notice.EVALUATION_CODE, Map.of("caseNumber", c.caseNumber, "code", code), to);
    return to.stream().map(p -> p.phone).toList();
  }

  /**
   * Queues a one-time code to a mobile that is no case's yet (网上信访), in the office's wording; in
   * the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void sendCode(String phone, String office, Notice notice, String code) {
    String text = SmsTemplates.fill(templates.of(office, notice).wording(), Map.of("code", code));
    outbox.queue(
        null,
        notice.name(),
        phone,
        FieldCipher.instance().digest(phone),
        text,
        SmsTemplates.parts(text),
        clock.instant());
  }

  /** The petitioners with a mobile number, in the order registered. */
  public static List<PetitionerEntity> mobiles(PetitionCaseEntity c) {
    return c.petitioners.stream()
        .sorted(Comparator.comparingInt((PetitionerEntity p) -> p.position))
        .filter(p -> p.phone != null && RegistrationRules.MOBILE.matcher(p.phone).matches())
        .toList();
  }

  private void queue(
      PetitionCaseEntity c, Notice notice, Map<String, String> values, List<PetitionerEntity> to) {
    if (to.isEmpty()) {
      return;
    }
    String text = SmsTemplates.fill(templates.of(c.registeringUnit, notice).wording(), values);
    for (PetitionerEntity p : to) {
      outbox.queue(
          c.id,
          notice.name(),
          p.phone,
          p.phoneDigest,
          text,
          SmsTemplates.parts(text),
          clock.instant());
    }
  }

  /**
   * The messages to send now, locked for the caller's transaction; a phone that had its hour's
   * messages waits until the first of them is an hour old.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Due> due(int most) {
    Instant now = clock.instant();
    List<Due> due = new ArrayList<>();
    Map<String, Integer> taken = new HashMap<>();
    for (Due message : outbox.due(now, most)) {
      Sent sent = outbox.sentTo(message.phoneDigest(), now.minus(Duration.ofHours(1)));
      int soFar = (int) sent.count() + taken.getOrDefault(message.phoneDigest(), 0);
      if (soFar >= perPhonePerHour) {
        Instant later = sent.first() == null ? now.plus(Duration.ofHours(1)) : sent.first();
        outbox.retry(message.id(), "rate limit: wait", later.plus(Duration.ofHours(1)), false);
        continue;
      }
      taken.merge(message.phoneDigest(), 1, Integer::sum);
      due.add(message);
    }
    return due;
  }

  /** The SMS center took every part of the message. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void sent(Due message, List<String> messageIds) {
    outbox.sent(message.id(), messageIds, clock.instant());
  }

  /**
   * The message was not sent: refused for good ({@code lasting}) or after its last attempt it
   * fails; else it is tried again after a pause twice as long as the one before.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void notSent(Due message, String error, boolean lasting) {
    Instant now = clock.instant();
    if (lasting || message.attempts() + 1 >= attempts) {
      outbox.failed(message.id(), error, now);
      return;
    }
    Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(message.attempts(), 20));
    outbox.retry(
        message.id(),
        error,
        now.plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause),
        true);
  }

  /** Keeps the SMS center's receipt for a part, applied by {@link #applyReceipts}. */
  @Transactional
  public void receipt(String messageId, boolean delivered) {
    outbox.receipt(messageId, delivered, clock.instant());
  }

  /** Applies the receipts kept to their messages; how many. */
  @Transactional
  public int applyReceipts() {
    return outbox.applyReceipts(clock.instant());
  }

  /** The SMS of a case, oldest first. */
  public List<Told> of(UUID caseId) {
    return outbox.of(caseId);
  }
}
