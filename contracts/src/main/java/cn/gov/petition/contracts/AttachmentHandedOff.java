package cn.gov.petition.contracts;

import java.time.Instant;

/**
 * 附件移交: one part of an attachment handed to the node that owns its case now, with the case file
 * ({@link CaseHandedOff}) or, for one attached later at the handing node, after it. Travels only on
 * that node's handoff topic ({@link Topics#HANDOFFS}), keyed by the case id so that it follows the
 * case file; never broadcast.
 *
 * <p>The content is the attachment as the handing node keeps it in its object store: sealed with
 * the attachment's own key (AES-256-GCM), which only the sealed record carries. The receiving node
 * keeps the parts until it holds all of them, joins them, checks the content against its digest and
 * keeps it in its own store; a part that arrives again changes nothing.
 *
 * @param transferId this sending of the attachment: every part carries it, a redelivery too
 * @param caseId the case (its id is the same on every node)
 * @param caseNumber its number
 * @param attachmentId the attachment (its id is the same on every node)
 * @param fromNode the handing node
 * @param toNode the node taking it over
 * @param part this part's place, from 0
 * @param parts how many parts there are
 * @param sealedRecord the attachment's {@link AttachmentRecord} as JSON, sealed for the receiving
 *     node alone (HPKE to its announced handoff key, context info {@code transferId|toNode}),
 *     Base64
 * @param content Base64 of this part of the sealed content (at most 512 KiB before Base64)
 */
public record AttachmentHandedOff(
    String transferId,
    String caseId,
    String caseNumber,
    String attachmentId,
    String fromNode,
    String toNode,
    int part,
    int parts,
    String sealedRecord,
    String content) {

  /**
   * What the receiving node needs to keep and open the attachment.
   *
   * @param kind LETTER_SCAN, PHOTO, AUDIO or SIGNED_DOCUMENT
   * @param contentType the type its content is (sniffed when it was attached)
   * @param size the size of the plain content in bytes
   * @param sha256 the plain content's digest, hex
   * @param fileName the file's name (personal data)
   * @param dataKey Base64 of the attachment's own AES-256 key
   * @param unitCode the unit that attached it
   * @param userName who attached it
   * @param uploadedAt when
   * @param transition the step it belongs to, as the history names it, or null for the case
   * @param transitionAt when that step occurred (with {@code transition}, finds it on any node)
   */
  public record AttachmentRecord(
      String kind,
      String contentType,
      long size,
      String sha256,
      String fileName,
      String dataKey,
      String unitCode,
      String userName,
      Instant uploadedAt,
      String transition,
      Instant transitionAt) {}
}
