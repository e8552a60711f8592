package cn.gov.petition.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * 字段加密: personal data at rest (names, ID numbers, phones, addresses, the petition's content and the
 * free text of its handling) is AES-256-GCM encrypted with a key the node is given ({@code
 * petition.crypto.field-key}, 32 bytes in base64), so a database dump or backup shows none of it.
 * Equality searches (the same petitioner again, a query code) use a keyed digest, a "blind index",
 * never the plain value.
 *
 * <p>Keys rotate (docs/operations.md): the new key becomes {@code petition.crypto.field-key} and
 * the old ones are listed in {@code petition.crypto.retired-field-keys}. Values sealed under any of
 * them are read; new values are sealed under the current key, and intake's SealedColumns re-seals
 * the old ones in the background. A stored value names its key: {@code v2:<key id>:<base64>};
 * {@code v1:} values, from before keys had ids, are tried with each key.
 */
public final class FieldCipher {

  /** Before key ids: one key, tried against every key of the ring. */
  static final String LEGACY = "v1:";

  /** {@code v2:<key id>:}: sealed under the key with that id. */
  static final String PREFIX = "v2:";

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile FieldCipher instance;

  /**
   * One AES-GCM cipher and one HMAC per thread, initialised afresh for every value: looking a
   * cipher up costs three times what opening a short value does (a search by words opens thousands,
   * ADR 29).
   */
  private static final ThreadLocal<Cipher> GCM =
      ThreadLocal.withInitial(() -> instanceOf(() -> Cipher.getInstance("AES/GCM/NoPadding")));

  private static final ThreadLocal<Mac> HMAC =
      ThreadLocal.withInitial(() -> instanceOf(() -> Mac.getInstance("HmacSHA256")));

  private interface Lookup<T> {
    T get() throws GeneralSecurityException;
  }

  private static <T> T instanceOf(Lookup<T> lookup) {
    try {
      return lookup.get();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no AES-GCM or HMAC-SHA256", e);
    }
  }

  /**
   * One key of the ring: its id (not secret), the cipher key, the blind-index key and the key of
   * the content's word index (ADR 29).
   */
  private record Key(String id, SecretKeySpec aes, SecretKeySpec index, SecretKeySpec words) {

    static Key of(byte[] key) {
      if (key.length != 32) {
        throw new IllegalStateException(
            "petition.crypto.field-key and each retired key must be 32 bytes (base64)");
      }
      return new Key(
          HexFormat.of().formatHex(hmac(key, "key-id"), 0, 4),
          new SecretKeySpec(key, "AES"),
          new SecretKeySpec(hmac(key, "blind-index"), "HmacSHA256"),
          new SecretKeySpec(hmac(key, "content-words"), "HmacSHA256"));
    }
  }

  private final Key current;
  private final Map<String, Key> keys = new LinkedHashMap<>();

  /** The current key first, then the retired ones, newest first. */
  FieldCipher(byte[] key, List<byte[]> retired) {
    this.current = Key.of(key);
    keys.put(current.id(), current);
    for (byte[] old : retired) {
      Key k = Key.of(old);
      keys.putIfAbsent(k.id(), k);
    }
  }

  /** A cipher with the given keys (base64), current first: for tools and tests of rotation. */
  public static FieldCipher of(String currentKey, String... retiredKeys) {
    return new FieldCipher(
        decode(currentKey), Arrays.stream(retiredKeys).map(FieldCipher::decode).toList());
  }

  /** The node's cipher, with the configured keys; fails at first use if there is none. */
  public static FieldCipher instance() {
    FieldCipher cipher = instance;
    if (cipher == null) {
      Config config = ConfigProvider.getConfig();
      String key = config.getValue("petition.crypto.field-key", String.class);
      String[] retired =
          config
              .getOptionalValue("petition.crypto.retired-field-keys", String[].class)
              .orElse(new String[0]);
      cipher = of(key, retired);
      instance = cipher;
    }
    return cipher;
  }

  private static byte[] decode(String base64) {
    return Base64.getDecoder().decode(base64.trim());
  }

  /** The id of the key new values are sealed under (not secret: it names the key in values). */
  public String currentKeyId() {
    return current.id();
  }

  /** What every value sealed under the current key starts with. */
  public String currentPrefix() {
    return PREFIX + current.id() + ":";
  }

  public String encrypt(String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = GCM.get();
      cipher.init(Cipher.ENCRYPT_MODE, current.aes(), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return currentPrefix() + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a field", e);
    }
  }

  /** The plain value; a value stored before encryption was introduced is returned as it is. */
  public String decrypt(String stored) {
    if (stored.startsWith(PREFIX)) {
      int colon = stored.indexOf(':', PREFIX.length());
      Key key = colon < 0 ? null : keys.get(stored.substring(PREFIX.length(), colon));
      if (key == null) {
        // never the value itself in the message: it is personal data
        throw new IllegalStateException(
            "a personal-data field is sealed under a key this node does not have"
                + " (petition.crypto.retired-field-keys)");
      }
      return open(key, stored.substring(colon + 1));
    }
    if (stored.startsWith(LEGACY)) {
      for (Key key : keys.values()) {
        try {
          return open(key, stored.substring(LEGACY.length()));
        } catch (IllegalStateException notThisKey) {
          // the next key
        }
      }
      throw new IllegalStateException("a personal-data field cannot be decrypted with any key");
    }
    return stored;
  }

  private static String open(Key key, String base64) {
    try {
      byte[] in = Base64.getDecoder().decode(base64);
      Cipher cipher = GCM.get();
      cipher.init(Cipher.DECRYPT_MODE, key.aes(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a personal-data field cannot be decrypted with this key", e);
    }
  }

  /** A keyed digest for equality search, under the current key: what a new row stores. */
  public String digest(String plain) {
    return digest(current, plain);
  }

  /**
   * The value's digests under every key of the ring, to search with while rows sealed under a
   * retired key still carry that key's digests.
   */
  public Set<String> digests(String plain) {
    Set<String> all = new LinkedHashSet<>();
    keys.values().forEach(k -> all.add(digest(k, plain)));
    return all;
  }

  /**
   * Keyed 32-bit digests of words under the current key, for the content's word index (ADR 29):
   * equal words give equal digests, and without the key a digest says nothing of its word.
   */
  public int[] wordDigests(Collection<String> words) {
    return wordDigests(current, words);
  }

  /** The words' digests under every key of the ring, by key id, to search rows not yet redone. */
  public Map<String, int[]> wordDigestsByKey(Collection<String> words) {
    Map<String, int[]> all = new LinkedHashMap<>();
    keys.values().forEach(k -> all.put(k.id(), wordDigests(k, words)));
    return all;
  }

  private static int[] wordDigests(Key key, Collection<String> words) {
    try {
      Mac mac = HMAC.get();
      mac.init(key.words());
      int[] digests = new int[words.size()];
      int i = 0;
      for (String word : words) {
        digests[i++] = ByteBuffer.wrap(mac.doFinal(word.getBytes(StandardCharsets.UTF_8))).getInt();
      }
      return digests;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String digest(Key key, String plain) {
    try {
      Mac mac = HMAC.get();
      mac.init(key.index());
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
