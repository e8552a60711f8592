package cn.gov.petition.intake;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.intake.store.AttachmentRepository;
import cn.gov.petition.intake.store.AttachmentRepository.Stored;
import cn.gov.petition.intake.store.CaseTransitionEntity;
import cn.gov.petition.intake.store.ObjectStorage;
import cn.gov.petition.intake.store.OnlineSubmissionEntity;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.TransitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.tika.Tika;

/**
 * 附件: scanned letters, photos, recordings of calls and signed documents, attached to a case or to
 * one of its steps (issue 29). An upload is taken only for what its bytes are (Apache Tika's magic
 * detection; the name and the declared type are not believed), of a type its kind allows and within
 * its size; HTML, SVG and scripts are never taken, whatever they are called. The content is sealed
 * with a key of its own (AES-256-GCM) before it leaves the node for the object store, and that key
 * is sealed with the node's field key, so neither the store nor its backups can read an attachment.
 * Each reading is recorded.
 */
@ApplicationScoped
public class Attachments {

  private static final Tika DETECTOR = new Tika();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;

  private final AttachmentRepository attachments;
  private final ObjectStorage storage;
  private final TransitionRepository transitions;
  private final Clock clock;
  private final AttachmentTransfers transfers;

  public Attachments(
      AttachmentRepository attachments,
      ObjectStorage storage,
      TransitionRepository transitions,
      Clock clock,
      AttachmentTransfers transfers) {
    this.transfers = transfers;
    this.attachments = attachments;
    this.storage = storage;
    this.transitions = transitions;
    this.clock = clock;
  }

  /** What an upload is: a kind, a file name, the type its sender declared, the bytes. */
  public record Upload(
      AttachmentKind kind,
      String fileName,
      String declaredType,
      byte[] content,
      Long transitionId) {}

  /**
   * Keeps the upload on the case: 422 naming {@code file} for an empty, oversized or wrongly typed
   * one (nothing is stored), {@code transitionId} for a step of another case.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Stored keep(PetitionCaseEntity c, String unit, String user, Upload upload) {
    String type = check(upload);
    if (upload.transitionId() != null) {
      CaseTransitionEntity step = transitions.findById(upload.transitionId());
      if (step == null || !step.caseId.equals(c.id)) {
        throw ProblemException.invalid(
            "transitionId", "OfTheCase", "办理记录不属于该信访件 / no step of this case has this id");
      }
    }
    UUID id = UUID.randomUUID();
    Stored stored = stored(id, c.id, c.id + "/" + id, upload, type, unit, user);
    attachments.add(stored);
    if (!c.isOwnedHere()) {
      // attached after the case was handed on: it follows the case to the node that owns it
      transfers.send(stored, c.handedToNode, c.handedToKey);
    }
    return stored;
  }

  /** Attachments a citizen may add to one submission. */
  public static final int PER_SUBMISSION = 5;

  /**
   * Keeps a citizen's photo, scan or recording with their online submission, checked as every
   * upload is; 409 once the submission has {@link #PER_SUBMISSION}. Signed documents are the
   * offices' (422 naming {@code kind}).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Stored keepForSubmission(OnlineSubmissionEntity s, Upload upload) {
    if (upload.kind() == AttachmentKind.SIGNED_DOCUMENT) {
      throw ProblemException.invalid(
          "kind", "CitizenKind", "网上信访可上传来信扫描件、照片或录音 / a letter scan, a photo or a recording");
    }
    String type = check(upload);
    if (attachments.ofSubmission(s.id).size() >= PER_SUBMISSION) {
      throw ProblemException.conflict(
          "每件网上信访至多上传" + PER_SUBMISSION + "个材料 / at most " + PER_SUBMISSION + " files");
    }
    UUID id = UUID.randomUUID();
    Stored stored =
        stored(id, null, "submissions/" + s.id + "/" + id, upload, type, s.office, "信访人");
    attachments.addToSubmission(stored, s.id);
    return stored;
  }

  /**
   * Seals the upload with a key of its own, puts it in the store under {@code objectKey}, and
   * describes it: the row to keep, with the key sealed by the node's field key.
   */
  private Stored stored(
      UUID id,
      UUID caseId,
      String objectKey,
      Upload upload,
      String type,
      String unit,
      String user) {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    storage.put(objectKey, seal(key, upload.content()));
    return new Stored(
        id,
        caseId,
        upload.transitionId(),
        upload.kind().name(),
        type,
        upload.content().length,
        sha256(upload.content()),
        fileName(upload.fileName()),
        objectKey,
        FieldCipher.instance().encrypt(Base64.getEncoder().encodeToString(key)),
        unit,
        user,
        clock.instant(),
        0);
  }

  /** The attachments of a submission, oldest first. */
  public List<Stored> ofSubmission(UUID submissionId) {
    return attachments.ofSubmission(submissionId);
  }

  /** A registered submission's attachments are its case's from now on. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void moveToCase(UUID submissionId, UUID caseId) {
    attachments.moveToCase(submissionId, caseId);
  }

  /** The case's attachments, oldest first. */
  public List<Stored> of(UUID caseId) {
    return attachments.ofCase(caseId);
  }

  /** The attachment of the case, or 404. */
  public Stored find(UUID caseId, UUID id) {
    return attachments
        .find(caseId, id)
        .orElseThrow(() -> ProblemException.notFound("attachment", id.toString()));
  }

  /** The attachment's content, opened and checked against its digest; the reading recorded. */
  @Transactional(Transactional.TxType.MANDATORY)
  public byte[] open(Stored a, String unit, String user) {
    byte[] key = Base64.getDecoder().decode(FieldCipher.instance().decrypt(a.sealedDataKey()));
    byte[] content = unseal(key, storage.get(a.objectKey()));
    if (!sha256(content).equals(a.sha256())) {
      throw new IllegalStateException("attachment " + a.id() + " does not match its digest");
    }
    attachments.read(a.id(), unit, user, clock.instant());
    return content;
  }

  /** The rules an upload must keep before anything is stored; the type its content is. */
  static String check(Upload upload) {
    AttachmentKind kind = upload.kind();
    byte[] content = upload.content();
    if (content == null || content.length == 0) {
      throw ProblemException.invalid("file", "NotEmpty", "文件为空 / the file is empty");
    }
    if (content.length > kind.maxBytes()) {
      throw ProblemException.invalid(
          "file",
          "Size",
          kind.label() + "不得超过" + kind.megabytes() + " MB / at most " + kind.megabytes() + " MB");
    }
    String type = sniffed(content);
    if (!kind.types().contains(type)) {
      throw ProblemException.invalid(
          "file",
          "ContentType",
          kind.label()
              + "须为"
              + String.join("、", kind.types().stream().sorted().toList())
              + "；该文件的内容是 "
              + type
              + " / the content is "
              + type);
    }
    String declared = upload.declaredType();
    if (declared != null
        && !declared.isBlank()
        && !"application/octet-stream".equals(declared)
        && !same(declared, type)) {
      throw ProblemException.invalid(
          "file",
          "DeclaredType",
          "声明的类型 "
              + declared
              + " 与文件内容 "
              + type
              + " 不符 / the declared type is not what the content is");
    }
    return type;
  }

  /** The content type the bytes are, by their magic alone. */
  static String sniffed(byte[] content) {
    return DETECTOR.detect(content);
  }

  private static boolean same(String declared, String sniffed) {
    String d = declared.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return d.equals(sniffed)
        || (d.equals("image/jpg") && sniffed.equals("image/jpeg"))
        || (d.equals("audio/wav") && sniffed.equals("audio/vnd.wave"))
        || (d.equals("audio/x-wav") && sniffed.equals("audio/vnd.wave"))
        || (d.equals("audio/mp3") && sniffed.equals("audio/mpeg"))
        || (d.equals("audio/x-m4a") && sniffed.equals("audio/mp4"));
  }

  /** The file's name without a path or control characters, at most 200 characters. */
  static String fileName(String name) {
    String plain = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
    plain = plain.replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (plain.length() > 200) {
      plain = plain.substring(plain.length() - 200);
    }
    return plain.isEmpty() ? "附件" : plain;
  }

  /** The size of an attachment's content as the store keeps it: IV, ciphertext and tag. */
  static long sealedSize(long size) {
    return IV_BYTES + size + 16;
  }

  static byte[] seal(byte[] key, byte[] plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain);
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal an attachment", e);
    }
  }

  static byte[] unseal(byte[] key, byte[] sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(128, sealed, 0, IV_BYTES));
      return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open an attachment", e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
