package cn.gov.petition.intake;

import java.util.Set;

/**
 * 附件类型: what an attachment is, with the content types it may have (as its bytes say, never as its
 * name or its sender says) and how large it may be.
 */
public enum AttachmentKind {
  /** 来信扫描件: the letter as scanned. */
  LETTER_SCAN("来信扫描件", 20, Set.of("application/pdf", "image/jpeg", "image/png", "image/tiff")),
  /** 照片: a photo the petitioner gave as evidence. */
  PHOTO("照片", 20, Set.of("image/jpeg", "image/png", "image/heic", "image/heif", "image/webp")),
  /** 通话录音: the recording of a call (电话信访). */
  AUDIO(
      "通话录音", 50, Set.of("audio/mpeg", "audio/mp4", "audio/vnd.wave", "audio/x-wav", "audio/amr")),
  /** 签收文书: a document signed by the petitioner (送达回证, a signed opinion). */
  SIGNED_DOCUMENT("签收文书", 20, Set.of("application/pdf", "image/jpeg", "image/png"));

  private final String label;
  private final int megabytes;
  private final Set<String> types;

  AttachmentKind(String label, int megabytes, Set<String> types) {
    this.label = label;
    this.megabytes = megabytes;
    this.types = types;
  }

  public String label() {
    return label;
  }

  /** The largest attachment of this kind, in bytes. */
  public long maxBytes() {
    return megabytes * 1024L * 1024L;
  }

  public int megabytes() {
    return megabytes;
  }

  /** The content types it may have. */
  public Set<String> types() {
    return types;
  }
}
