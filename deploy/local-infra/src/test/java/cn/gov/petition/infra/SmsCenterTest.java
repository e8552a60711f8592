package cn.gov.petition.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
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
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local SMS center speaks SMPP to a real client (jsmpp's, as the notification service will): a
 * long notice in Chinese, sent in parts as carriers take it, arrives whole with a receipt for each
 * part; what a carrier's gateway refuses is refused here and kept nowhere.
 */
class SmsCenterTest {

  private static final String SYSTEM_ID = "petition";
  private static final String PASSWORD = "s3cret";
  private static final String SENDER = "106900012345";

  @TempDir Path directory;

  private SmsCenter center;
  private final BlockingQueue<DeliverSm> receipts = new LinkedBlockingQueue<>();
  private final List<SMPPSession> sessions = new ArrayList<>();

  @BeforeEach
  void start() {
    center = SmsCenter.start(directory, 0, SYSTEM_ID, PASSWORD);
  }

  @AfterEach
  void stop() {
    sessions.forEach(SMPPSession::unbindAndClose);
    center.close();
  }

  @Test
  void aLongNoticeInChineseArrivesWholeWithAReceiptForEachPart() throws Exception {
    SMPPSession session = bound(PASSWORD);
    String notice =
        "【麒麟区信访局】您于2026年12月4日提交的信访事项（编号530302-20261204-00001）已受理，"
            + "承办单位为麒麟区住房和城乡建设局，将于60日内办结并书面答复。查询码请妥善保管。";
    assertTrue(notice.length() > 70, "longer than one UCS-2 message");

    List<String> ids = new ArrayList<>();
    List<byte[]> parts = parts(notice, 7);
    for (byte[] part : parts) {
      ids.add(submit(session, "+8613800138000", part, true));
    }

    for (int i = 0; i < parts.size(); i++) {
      DeliverSm receipt = receipts.poll(10, TimeUnit.SECONDS);
      assertNotNull(receipt, "a receipt for part " + (i + 1));
      assertTrue(receipt.isSmscDeliveryReceipt());
      DeliveryReceipt read = receipt.getShortMessageAsDeliveryReceipt();
      assertEquals(DeliveryReceiptState.DELIVRD, read.getFinalStatus());
      assertTrue(ids.contains(read.getId()), read.getId() + " is one of " + ids);
    }
    List<SmsCenter.Message> received = center.messagesTo("13800138000");
    assertEquals(1, received.size());
    assertEquals(notice, received.get(0).text());
    assertEquals(parts.size(), received.get(0).parts());
    assertEquals(SENDER, received.get(0).from());
    String journal = Files.readString(directory.resolve("messages.jsonl"), StandardCharsets.UTF_8);
    assertTrue(journal.contains(notice), "the journal holds the message whole");
  }

  @Test
  void aPhoneSwitchedOffGetsAnUndeliveredReceipt() throws Exception {
    SMPPSession session = bound(PASSWORD);
    center.unreachable("13900139000");
    String id = submit(session, "13900139000", ucs2("【麒麟区信访局】您的信访事项已办结。"), false);
    DeliverSm receipt = receipts.poll(10, TimeUnit.SECONDS);
    assertNotNull(receipt);
    DeliveryReceipt read = receipt.getShortMessageAsDeliveryReceipt();
    assertEquals(id, read.getId());
    assertEquals(DeliveryReceiptState.UNDELIV, read.getFinalStatus());
  }

  @Test
  void whatACarriersGatewayRefusesIsRefusedAndKeptNowhere() throws Exception {
    IOException refused = assertThrows(IOException.class, () -> bound("wrong"));
    assertEquals(SMPPConstant.STAT_ESME_RINVPASWD, status(refused));

    SMPPSession session = bound(PASSWORD);
    NegativeResponseException notAMobile =
        assertThrows(
            NegativeResponseException.class,
            () -> submit(session, "0874-3123456", ucs2("您好"), false));
    assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, notAMobile.getCommandStatus());
    assertEquals(List.of(), center.messages());
  }

  private SMPPSession bound(String password) throws IOException {
    SMPPSession session = new SMPPSession();
    session.setMessageReceiverListener(
        new MessageReceiverListener() {
          @Override
          public void onAcceptDeliverSm(DeliverSm deliverSm) {
            receipts.add(deliverSm);
          }

          @Override
          public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alert) {}

          @Override
          public org.jsmpp.session.DataSmResult onAcceptDataSm(
              org.jsmpp.bean.DataSm dataSm, org.jsmpp.session.Session source) {
            return null;
          }
        });
    session.connectAndBind(
        "127.0.0.1",
        center.port(),
        new BindParameter(
            BindType.BIND_TRX,
            SYSTEM_ID,
            password,
            "",
            TypeOfNumber.UNKNOWN,
            NumberingPlanIndicator.UNKNOWN,
            null));
    sessions.add(session);
    return session;
  }

  /** Submits one UCS-2 message (with its user data header if {@code concatenated}); its id. */
  private String submit(SMPPSession session, String to, byte[] body, boolean concatenated)
      throws Exception {
    return session
        .submitShortMessage(
            "",
            TypeOfNumber.NATIONAL,
            NumberingPlanIndicator.ISDN,
            SENDER,
            TypeOfNumber.INTERNATIONAL,
            NumberingPlanIndicator.ISDN,
            to,
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

  private static byte[] ucs2(String text) {
    return text.getBytes(StandardCharsets.UTF_16BE);
  }

  /** The text in parts of at most 67 UCS-2 characters, each with its 6-byte header (IEI 0x00). */
  private static List<byte[]> parts(String text, int reference) {
    List<byte[]> parts = new ArrayList<>();
    int total = (text.length() + 66) / 67;
    for (int i = 0; i < total; i++) {
      byte[] body = ucs2(text.substring(i * 67, Math.min(text.length(), (i + 1) * 67)));
      byte[] part = new byte[6 + body.length];
      part[0] = 5;
      part[1] = 0x00;
      part[2] = 3;
      part[3] = (byte) reference;
      part[4] = (byte) total;
      part[5] = (byte) (i + 1);
      System.arraycopy(body, 0, part, 6, body.length);
      parts.add(part);
    }
    return parts;
  }

  private static int status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NegativeResponseException negative) {
        return negative.getCommandStatus();
      }
    }
    throw new AssertionError("no SMPP status in " + e, e);
  }
}
