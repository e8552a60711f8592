package cn.gov.petition.intake.events;

import cn.gov.petition.intake.SmsNotices;
import cn.gov.petition.intake.store.SmsOutboxRepository.Due;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;

/**
 * Sends the queued SMS notices ({@link SmsNotices}) to the SMS center over SMPP 3.4, as a
 * province's 政务短信 platform or a carrier's gateway takes them (ADR 31): one transceiver session,
 * kept bound and bound again after a loss; each message in UCS-2, in parts of 67 characters with a
 * user data header when longer than 70; a delivery receipt asked for each part and kept as it
 * comes. The phone and the text leave intake only here, to the center; neither is logged.
 *
 * <p>Without {@code petition.sms.host} nothing is sent and the notices wait in the outbox.
 */
@ApplicationScoped
public class SmsSender {

  private static final Logger LOG = Logger.getLogger(SmsSender.class);

  /** Messages sent in one transaction: a batch's rows stay locked until every answer is in. */
  private static final int BATCH = 10;

  /** How long the center may take to answer a part before the message is tried again. */
  private static final long ANSWER_MILLIS = 5_000;

  /** Answers of the center that no second attempt will change: the message fails. */
  private static final Set<Integer> LASTING =
      Set.of(
          SMPPConstant.STAT_ESME_RINVDSTADR,
          SMPPConstant.STAT_ESME_RINVSRCADR,
          SMPPConstant.STAT_ESME_RINVMSGLEN,
          SMPPConstant.STAT_ESME_RINVDCS);

  private final SmsNotices notices;
  private final Optional<String> host;
  private final int port;
  private final String systemId;
  private final Optional<String> password;
  private final String sender;
  private final Duration pollInterval;
  private final SecureRandom random = new SecureRandom();
  private volatile boolean running;
  private volatile SMPPSession session;
  private Thread worker;

  public SmsSender(
      SmsNotices notices,
      @ConfigProperty(name = "petition.sms.host") Optional<String> host,
      @ConfigProperty(name = "petition.sms.port", defaultValue = "2775") int port,
      @ConfigProperty(name = "petition.sms.system-id", defaultValue = "petition") String systemId,
      @ConfigProperty(name = "petition.sms.password") Optional<String> password,
      @ConfigProperty(name = "petition.sms.sender", defaultValue = "106900012345") String sender,
      @ConfigProperty(name = "petition.sms.poll-interval", defaultValue = "PT1S")
          Duration pollInterval) {
    this.notices = notices;
    this.host = host;
    this.port = port;
    this.systemId = systemId;
    this.password = password;
    this.sender = sender;
    this.pollInterval = pollInterval;
  }

  void onStart(@Observes StartupEvent event) {
    if (host.isEmpty()) {
      LOG.info("No SMS center configured (petition.sms.host): SMS notices wait in the outbox");
      return;
    }
    running = true;
    worker = new Thread(this::run, "sms-sender");
    worker.setDaemon(true);
    worker.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    if (worker != null) {
      worker.interrupt();
    }
    SMPPSession bound = session;
    if (bound != null) {
      bound.unbindAndClose();
    }
  }

  private void run() {
    Duration wait = Duration.ofSeconds(1);
    while (running) {
      try {
        bound();
        QuarkusTransaction.requiringNew().run(notices::applyReceipts);
        Batch batch;
        do {
          batch = QuarkusTransaction.requiringNew().timeout(120).call(this::sendBatch);
        } while (batch.taken() == BATCH && !batch.linkLost() && running);
        if (batch.linkLost()) {
          throw new IOException("the link to the SMS center was lost");
        }
        QuarkusTransaction.requiringNew().run(notices::applyReceipts);
        wait = Duration.ofSeconds(1);
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        LOG.warnf("SMS center not reached (%s): trying again in %s", e.getMessage(), wait);
        drop();
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
        wait =
            wait.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0
                ? Duration.ofMinutes(1)
                : wait.multipliedBy(2);
      }
    }
  }

  /** What a pass did: how many messages it took, and whether the link was lost on the way. */
  private record Batch(int taken, boolean linkLost) {}

  /**
   * Sends what is due and records each answer; never throws, so that what was sent is recorded as
   * sent (a rolled-back batch would send it twice).
   */
  private Batch sendBatch() {
    List<Due> due = notices.due(BATCH);
    for (Due message : due) {
      try {
        notices.sent(message, submit(message.phone(), message.text()));
      } catch (NegativeResponseException refused) {
        int status = refused.getCommandStatus();
        notices.notSent(
            message,
            "refused: command status 0x" + Integer.toHexString(status),
            LASTING.contains(status));
      } catch (org.jsmpp.PDUException e) {
        notices.notSent(message, "not a valid message: " + e.getClass().getSimpleName(), true);
      } catch (org.jsmpp.extra.ResponseTimeoutException | org.jsmpp.InvalidResponseException e) {
        notices.notSent(message, "no answer: " + e.getClass().getSimpleName(), false);
      } catch (IOException e) {
        // the link is lost: this message is tried again, the others wait for the next pass
        notices.notSent(message, "link lost: " + e.getClass().getSimpleName(), false);
        return new Batch(due.size(), true);
      } catch (RuntimeException e) {
        notices.notSent(message, "not sent: " + e.getClass().getSimpleName(), false);
      }
    }
    return new Batch(due.size(), false);
  }

  /** Submits the text in as many parts as it takes; the center's id of each. */
  private List<String> submit(String phone, String text)
      throws IOException,
          NegativeResponseException,
          org.jsmpp.extra.ResponseTimeoutException,
          org.jsmpp.InvalidResponseException,
          org.jsmpp.PDUException {
    List<String> ids = new ArrayList<>();
    if (text.length() <= 70) {
      ids.add(submitPart(phone, text.getBytes(StandardCharsets.UTF_16BE), false));
      return ids;
    }
    int total = (text.length() + 66) / 67;
    byte reference = (byte) random.nextInt(256);
    for (int i = 0; i < total; i++) {
      byte[] body =
          text.substring(i * 67, Math.min(text.length(), (i + 1) * 67))
              .getBytes(StandardCharsets.UTF_16BE);
      byte[] part = new byte[6 + body.length];
      part[0] = 5; // the header's length
      part[1] = 0x00; // concatenated message, 8-bit reference
      part[2] = 3;
      part[3] = reference;
      part[4] = (byte) total;
      part[5] = (byte) (i + 1);
      System.arraycopy(body, 0, part, 6, body.length);
      ids.add(submitPart(phone, part, true));
    }
    return ids;
  }

  private String submitPart(String phone, byte[] body, boolean concatenated)
      throws IOException,
          NegativeResponseException,
          org.jsmpp.extra.ResponseTimeoutException,
          org.jsmpp.InvalidResponseException,
          org.jsmpp.PDUException {
    return session
        .submitShortMessage(
            "",
            TypeOfNumber.NATIONAL,
            NumberingPlanIndicator.ISDN,
            sender,
            TypeOfNumber.INTERNATIONAL,
            NumberingPlanIndicator.ISDN,
            phone,
            new ESMClass(
                MessageMode.DEFAULT,
                MessageType.DEFAULT,
                concatenated ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT),
            (byte) 0,
            (byte) 1,
            null,
            null,
            new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
            (byte) 0,
            new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false),
            (byte) 0,
            body)
        .getMessageId();
  }

  /** The session, bound now if it is not. */
  private void bound() throws IOException {
    SMPPSession current = session;
    if (current != null && current.getSessionState().isBound()) {
      return;
    }
    drop();
    SMPPSession fresh = new SMPPSession();
    fresh.setTransactionTimer(ANSWER_MILLIS);
    fresh.setMessageReceiverListener(new Receipts());
    fresh.connectAndBind(
        host.orElseThrow(),
        port,
        new BindParameter(
            BindType.BIND_TRX,
            systemId,
            password.orElse(""),
            "",
            TypeOfNumber.UNKNOWN,
            NumberingPlanIndicator.UNKNOWN,
            null));
    session = fresh;
    LOG.infof("Bound to the SMS center at %s:%d as %s", host.orElseThrow(), port, systemId);
  }

  private void drop() {
    SMPPSession current = session;
    session = null;
    if (current != null && current.getSessionState() != SessionState.CLOSED) {
      current.unbindAndClose();
    }
  }

  /** The center's receipts, kept as they come (applied by the sender's next pass). */
  private final class Receipts implements MessageReceiverListener {

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) {
      if (!deliverSm.isSmscDeliveryReceipt()) {
        return; // a petitioner's reply: not taken by SMS (they reply through the office)
      }
      try {
        DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        notices.receipt(receipt.getId(), receipt.getFinalStatus() == DeliveryReceiptState.DELIVRD);
      } catch (org.jsmpp.util.InvalidDeliveryReceiptException e) {
        LOG.warnf("A delivery receipt could not be read: %s", e.getMessage());
      }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alert) {}

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
      return null;
    }
  }
}
