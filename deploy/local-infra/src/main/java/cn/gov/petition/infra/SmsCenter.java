package cn.gov.petition.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * 短信中心 of one machine: an SMPP 3.4 server (the protocol 政务短信 platforms and the carriers' gateways
 * speak), built on jsmpp's server side, that the local run and the tests send their SMS to as a
 * node sends them to its province's SMS platform in production (docs/operations.md). It checks what
 * a carrier's gateway checks — the bind's system id and password, a mainland mobile number as
 * destination, a sender number — and answers each accepted message with a message id; it joins the
 * parts of a long message (UDH concatenation, or one {@code message_payload}), keeps each message
 * whole (in memory, and one JSON line each in {@code messages.jsonl} of its folder, so that the
 * local run's user can read what was sent), and sends the delivery receipt asked for: {@code
 * DELIVRD}, or {@code UNDELIV} for a number {@link #unreachable} names (a phone switched off).
 */
public final class SmsCenter implements AutoCloseable {

  /** A mainland mobile number, with or without the country code. */
  private static final Pattern MOBILE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One message as the center received it, its parts joined.
   *
   * @param from the sender number (the office's service number)
   * @param to the mobile number, as sent
   * @param text the text, decoded
   * @param parts how many SMPP messages carried it
   */
  public record Message(
      String messageId, String from, String to, String text, int parts, Instant receivedAt) {}

  private final SMPPServerSessionListener listener;
  private final String systemId;
  private final String password;
  private final Path journal;
  private final ExecutorService sessions = Executors.newCachedThreadPool(SmsCenter::daemon);
  private final ExecutorService receipts = Executors.newFixedThreadPool(2, SmsCenter::daemon);
  private final List<Message> messages = new ArrayList<>();
  private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<Integer, byte[]>> partsByReference = new HashMap<>();
  private final Map<String, Runnable> pendingReceipts = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
  private volatile boolean closed;

  private SmsCenter(
      SMPPServerSessionListener listener, String systemId, String password, Path journal) {
    this.listener = listener;
    this.systemId = systemId;
    this.password = password;
    this.journal = journal;
  }

  /**
   * Starts the center on {@code preferredPort} when free, accepting binds with this system id and
   * password (SMPP allows at most 8 characters of password); its journal lives in {@code
   * directory}.
   */
  public static SmsCenter start(
      Path directory, int preferredPort, String systemId, String password) {
    try {
      Files.createDirectories(directory);
      SMPPServerSessionListener listener =
          new SMPPServerSessionListener(Ports.freePort(preferredPort));
      SmsCenter center =
          new SmsCenter(listener, systemId, password, directory.resolve("messages.jsonl"));
      Thread acceptor = daemon(center::accept);
      acceptor.setName("sms-center");
      acceptor.start();
      return center;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the SMS center", e);
    }
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "sms-center-session");
    thread.setDaemon(true);
    return thread;
  }

  public int port() {
    return listener.getPort();
  }

  /** Every message received whole, oldest first. */
  public synchronized List<Message> messages() {
    return List.copyOf(messages);
  }

  /** The messages sent to this mobile number (with or without +86), oldest first. */
  public synchronized List<Message> messagesTo(String mobile) {
    String number = national(mobile);
    return messages.stream().filter(m -> national(m.to()).equals(number)).toList();
  }

  /** From now on, messages to this number are accepted but not delivered (receipt UNDELIV). */
  public void unreachable(String mobile) {
    unreachable.add(national(mobile));
  }

  private static String national(String mobile) {
    return mobile.replaceFirst("^\\+?86", "");
  }

  private void accept() {
    while (!closed) {
      try {
        SMPPServerSession session = listener.accept();
        session.setMessageReceiverListener(new Receiver());
        session.setResponseDeliveryListener(new Responses());
        sessions.execute(() -> bind(session));
      } catch (IOException e) {
        if (!closed) {
          Ports.sleep(java.time.Duration.ofMillis(100));
        }
      }
    }
  }

  private void bind(SMPPServerSession session) {
    try {
      BindRequest request = session.waitForBind(10_000);
      if (!systemId.equals(request.getSystemId())) {
        request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
      } else if (!password.equals(request.getPassword())) {
        request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
      } else {
        request.accept("petition-smsc", InterfaceVersion.IF_34);
      }
    } catch (TimeoutException | IOException | RuntimeException | org.jsmpp.PDUStringException e) {
      session.close();
    }
  }

  /** Sends a message's receipt once its submit_sm_resp is out. */
  private final class Responses extends ServerResponseDeliveryAdapter {

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
      Runnable receipt = pendingReceipts.remove(result.getMessageId());
      if (receipt != null) {
        receipts.execute(receipt);
      }
    }
  }

  /** What a bound session sends: submit_sm is served, the rest answered as not supported. */
  private final class Receiver implements ServerMessageReceiverListener {

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source)
        throws ProcessRequestException {
      String to = submit.getDestAddress();
      if (to == null || !MOBILE.matcher(to).matches()) {
        throw new ProcessRequestException(
            "not a mainland mobile number", SMPPConstant.STAT_ESME_RINVDSTADR);
      }
      if (submit.getSourceAddr() == null || submit.getSourceAddr().isBlank()) {
        throw new ProcessRequestException("no sender number", SMPPConstant.STAT_ESME_RINVSRCADR);
      }
      String id = Long.toString(ids.incrementAndGet());
      received(submit, id);
      boolean delivered = !unreachable.contains(national(to));
      // a receipt for each message (each part of a long one) that asked for it, once the answer
      // with its id has gone out
      if (SMSCDeliveryReceipt.SUCCESS_FAILURE.containedIn(submit.getRegisteredDelivery())
          || !delivered
              && SMSCDeliveryReceipt.FAILURE.containedIn(submit.getRegisteredDelivery())) {
        pendingReceipts.put(id, () -> receipt(source, submit, id, delivered));
      }
      try {
        return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
      } catch (org.jsmpp.PDUStringException e) {
        throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR);
      }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submit, SMPPServerSession source)
        throws ProcessRequestException {
      throw notSupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm query, SMPPServerSession source)
        throws ProcessRequestException {
      throw notSupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replace, SMPPServerSession source)
        throws ProcessRequestException {
      throw notSupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancel, SMPPServerSession source)
        throws ProcessRequestException {
      throw notSupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcast, SMPPServerSession source)
        throws ProcessRequestException {
      throw notSupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancel, SMPPServerSession source)
        throws ProcessRequestException {
      throw notSupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
        QueryBroadcastSm query, SMPPServerSession source) throws ProcessRequestException {
      throw notSupported();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm data, Session source) throws ProcessRequestException {
      throw notSupported();
    }

    private ProcessRequestException notSupported() {
      return new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
  }

  /** Records the message once it is whole: a single message, or the last of its parts. */
  private void received(SubmitSm submit, String id) throws ProcessRequestException {
    // the general data coding group (GSM 03.38: 00xx): bits 3..2 name the alphabet, 10 UCS-2
    // (UTF-16BE, Chinese text; SMPP's plain 0x08 is the same)
    int coding = submit.getDataCoding() & 0xff;
    Charset charset =
        (coding & 0xc0) == 0 && (coding & 0x0c) == 0x08
            ? StandardCharsets.UTF_16BE
            : StandardCharsets.ISO_8859_1;
    OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
    byte[] body =
        payload instanceof OptionalParameter.OctetString octets
            ? octets.getValue()
            : submit.getShortMessage();
    if (body == null) {
      body = new byte[0];
    }
    String text;
    int parts = 1;
    if (GSMSpecificFeature.UDHI.containedIn(submit.getEsmClass())) {
      Part part = Part.of(body);
      if (part == null) {
        throw new ProcessRequestException(
            "not a concatenated message's header", SMPPConstant.STAT_ESME_RINVESMCLASS);
      }
      String key = submit.getSourceAddr() + "/" + submit.getDestAddress() + "/" + part.reference;
      synchronized (this) {
        Map<Integer, byte[]> all = partsByReference.computeIfAbsent(key, k -> new HashMap<>());
        all.put(part.number, part.body);
        if (all.size() < part.total) {
          return;
        }
        partsByReference.remove(key);
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        for (int i = 1; i <= part.total; i++) {
          byte[] piece = all.get(i);
          if (piece == null) {
            return;
          }
          whole.writeBytes(piece);
        }
        text = new String(whole.toByteArray(), charset);
        parts = part.total;
      }
    } else {
      text = new String(body, charset);
    }
    record(
        new Message(
            id, submit.getSourceAddr(), submit.getDestAddress(), text, parts, Instant.now()));
  }

  /** One part of a concatenated message: its user data header (IEI 0x00 or 0x08) and body. */
  private record Part(int reference, int total, int number, byte[] body) {

    static Part of(byte[] data) {
      if (data.length < 1 || data.length < 1 + (data[0] & 0xff)) {
        return null;
      }
      int headerLength = data[0] & 0xff;
      for (int i = 1; i + 1 < 1 + headerLength; ) {
        int iei = data[i] & 0xff;
        int length = data[i + 1] & 0xff;
        if (iei == 0x00 && length == 3) {
          return new Part(
              data[i + 2] & 0xff, data[i + 3] & 0xff, data[i + 4] & 0xff, body(data, headerLength));
        }
        if (iei == 0x08 && length == 4) {
          return new Part(
              ((data[i + 2] & 0xff) << 8) | (data[i + 3] & 0xff),
              data[i + 4] & 0xff,
              data[i + 5] & 0xff,
              body(data, headerLength));
        }
        i += 2 + length;
      }
      return null;
    }

    private static byte[] body(byte[] data, int headerLength) {
      return java.util.Arrays.copyOfRange(data, 1 + headerLength, data.length);
    }
  }

  private void record(Message message) {
    synchronized (this) {
      messages.add(message);
      try {
        Files.writeString(
            journal,
            JSON.writeValueAsString(
                    Map.of(
                        "messageId", message.messageId(),
                        "from", message.from(),
                        "to", message.to(),
                        "text", message.text(),
                        "parts", message.parts(),
                        "receivedAt", message.receivedAt().toString()))
                + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The receipt of a message, as a carrier sends it back: deliver_sm with the receipt text. */
  private void receipt(SMPPServerSession session, SubmitSm submit, String id, boolean delivered) {
    Date now = new Date();
    DeliveryReceipt receipt =
        new DeliveryReceipt(
            id,
            1,
            delivered ? 1 : 0,
            now,
            now,
            delivered ? DeliveryReceiptState.DELIVRD : DeliveryReceiptState.UNDELIV,
            delivered ? "000" : "001",
            "");
    try {
      session.deliverShortMessage(
          "",
          TypeOfNumber.valueOf(submit.getDestAddrTon()),
          NumberingPlanIndicator.valueOf(submit.getDestAddrNpi()),
          submit.getDestAddress(),
          TypeOfNumber.valueOf(submit.getSourceAddrTon()),
          NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()),
          submit.getSourceAddr(),
          new ESMClass(
              MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
          (byte) 0,
          (byte) 0,
          new RegisteredDelivery(0),
          DataCodings.ZERO,
          receipt.toString().getBytes(StandardCharsets.ISO_8859_1),
          new OptionalParameter.OctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), id));
    } catch (Exception e) {
      // the client went away: a carrier's receipt is lost the same way, the client asks again
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing
    }
    sessions.shutdownNow();
    receipts.shutdownNow();
    try {
      receipts.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
