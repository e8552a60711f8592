package cn.gov.petition.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key pair with which the local run's demo issuer signs tokens and every service verifies
 * them. Generated on first use, never committed: production verifies an external OIDC provider.
 */
public record JwtKeys(Path privateKey, Path publicKey) {

  public static final String ISSUER = "https://petition.local/demo-issuer";

  public static JwtKeys in(Path directory) {
    Path privateKey = directory.resolve("jwt-private.pem");
    Path publicKey = directory.resolve("jwt-public.pem");
    if (Files.exists(privateKey) && Files.exists(publicKey)) {
      return new JwtKeys(privateKey, publicKey);
    }
    try {
      Files.createDirectories(directory);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      return new JwtKeys(privateKey, publicKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
