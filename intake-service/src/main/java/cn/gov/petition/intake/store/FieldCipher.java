package cn.gov.petition.intake.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * 字段加密: personal data at rest (ID numbers, phones) is AES-256-GCM encrypted with a key the node is
 * given ({@code petition.crypto.field-key}, 32 bytes in base64), so a database dump or backup shows
 * no ID number. Equality searches (the same petitioner again) use a keyed digest, a "blind index",
 * never the plain value.
 */
public final class FieldCipher {

  /** Marks the format, so that the key or algorithm can change later without guessing. */
  static final String PREFIX = "v1:";

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile FieldCipher instance;

  private final SecretKeySpec key;
  private final SecretKeySpec indexKey;

  FieldCipher(byte[] key) {
    if (key.length != 32) {
      throw new IllegalStateException("petition.crypto.field-key must be 32 bytes (base64)");
    }
    this.key = new SecretKeySpec(key, "AES");
    this.indexKey = new SecretKeySpec(hmac(key, "blind-index"), "HmacSHA256");
  }

  /** The node's cipher, with the configured key; fails at first use if there is none. */
  public static FieldCipher instance() {
    FieldCipher cipher = instance;
    if (cipher == null) {
      String encoded =
          ConfigProvider.getConfig().getValue("petition.crypto.field-key", String.class);
      cipher = new FieldCipher(Base64.getDecoder().decode(encoded.trim()));
      instance = cipher;
    }
    return cipher;
  }

  public String encrypt(String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a field", e);
    }
  }

  /** The plain value; a value stored before encryption was introduced is returned as it is. */
  public String decrypt(String stored) {
    if (!stored.startsWith(PREFIX)) {
      return stored;
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      // never the value itself in the message: it is personal data
      throw new IllegalStateException("a personal-data field cannot be decrypted with this key", e);
    }
  }

  /** A keyed digest for equality search: the same value gives the same digest on this node. */
  public String digest(String plain) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(indexKey);
      return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
