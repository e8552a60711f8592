package cn.gov.petition.intake;

import cn.gov.petition.contracts.AttachmentHandedOff;
import cn.gov.petition.contracts.CaseHandedOff;
import cn.gov.petition.contracts.CaseHandedOff.CaseFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 案卷封存: a case file handed to another node is sealed for that node alone, with the public key it
 * announced (HPKE: X25519, HKDF-SHA256, AES-256-GCM, by Google's Tink). Neither another node, nor
 * the Kafka cluster and its operators, nor this node's outbox table holds the file in clear. The
 * context info binds the ciphertext to its handoff and receiving node: a sealed file copied into
 * another handoff does not open.
 *
 * <p>The node's own key ({@code petition.crypto.handoff-key}, a Tink private keyset in JSON, from a
 * secret) opens what is handed here; routing announces its public half ({@code
 * petition.crypto.handoff-public-key}). A keyset may hold an older key beside the primary one while
 * senders still use it; keys are made and rotated by {@code deploy/petition handoff-key}
 * (LocalInfrastructure, docs/operations.md).
 */
@ApplicationScoped
public class HandoffSeal {

  static {
    try {
      HybridConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ObjectMapper json;
  private final Optional<KeysetHandle> own;

  public HandoffSeal(
      ObjectMapper json,
      @ConfigProperty(name = "petition.crypto.handoff-key") Optional<String> privateKeyset) {
    this.json = json;
    try {
      this.own =
          privateKeyset.isPresent()
              ? Optional.of(
                  TinkJsonProtoKeysetFormat.parseKeyset(
                      privateKeyset.get(), InsecureSecretKeyAccess.get()))
              : Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "petition.crypto.handoff-key is not a Tink private keyset", e);
    }
  }

  /**
   * What is handed to a node (a case file, an attachment's record) sealed for it, with this public
   * keyset, bound to the handoff or transfer {@code id}: Base64.
   */
  public String seal(Object handed, String recipientPublicKeyset, String id, String toNode) {
    try {
      HybridEncrypt encrypt =
          TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(recipientPublicKeyset)
              .getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
      byte[] sealed = encrypt.encrypt(json.writeValueAsBytes(handed), context(id, toNode));
      return Base64.getEncoder().encodeToString(sealed);
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new IllegalStateException(
          "what handoff " + id + " carries cannot be sealed for node " + toNode, e);
    }
  }

  /**
   * The file of a handoff addressed here: opened with this node's key, or as it came from a sender
   * before files were sealed.
   */
  public CaseFile open(CaseHandedOff handoff) {
    if (handoff.sealedFile() == null) {
      if (handoff.file() == null) {
        throw new IllegalArgumentException("handoff " + handoff.handoffId() + " has no case file");
      }
      return handoff.file();
    }
    return open(handoff.sealedFile(), handoff.handoffId(), handoff.toNode(), CaseFile.class);
  }

  /** The record of an attachment handed here, opened with this node's key. */
  public AttachmentHandedOff.AttachmentRecord open(AttachmentHandedOff part) {
    return openRecord(part.sealedRecord(), part.transferId(), part.toNode());
  }

  /** An attachment's record sealed for this node, bound to its transfer. */
  public AttachmentHandedOff.AttachmentRecord openRecord(
      String sealed, String transferId, String toNode) {
    return open(sealed, transferId, toNode, AttachmentHandedOff.AttachmentRecord.class);
  }

  private <T> T open(String sealed, String id, String toNode, Class<T> type) {
    KeysetHandle key =
        own.orElseThrow(
            () ->
                new IllegalStateException(
                    "handoff "
                        + id
                        + " is sealed, and this node has no petition.crypto.handoff-key"));
    try {
      byte[] plain =
          key.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class)
              .decrypt(Base64.getDecoder().decode(sealed), context(id, toNode));
      return json.readValue(plain, type);
    } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
      // never what it holds in the message: it is personal data
      throw new IllegalArgumentException(
          "what handoff " + id + " carries does not open with this node's key", e);
    }
  }

  private static byte[] context(String handoffId, String toNode) {
    return (handoffId + "|" + toNode).getBytes(StandardCharsets.UTF_8);
  }
}
