package cn.gov.petition.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The local object store is a real S3 server to a real S3 client (the AWS SDK, as the services will
 * use it): objects go in and come out byte for byte, survive a restart, and a request signed with
 * another secret is refused.
 */
class ObjectStoreTest {

  @TempDir Path directory;

  @Test
  void aScanGoesInComesOutWholeSurvivesARestartAndNeedsTheSecret() {
    byte[] scan = "%PDF-1.7 来信扫描件 麒麟区".getBytes(StandardCharsets.UTF_8);
    int port;
    try (ObjectStore store = ObjectStore.start(directory, 0, "petition", "a-local-secret")) {
      port = store.port();
      try (S3Client s3 = client(store.endpoint(), "a-local-secret")) {
        s3.createBucket(b -> b.bucket("attachments"));
        s3.putObject(
            b -> b.bucket("attachments").key("530302/letter.pdf").contentType("application/pdf"),
            RequestBody.fromBytes(scan));
        assertEquals(
            "application/pdf",
            s3.headObject(b -> b.bucket("attachments").key("530302/letter.pdf")).contentType());
      }
      try (S3Client stranger = client(store.endpoint(), "another-secret")) {
        S3Exception refused =
            assertThrows(
                S3Exception.class,
                () ->
                    stranger.getObjectAsBytes(
                        b -> b.bucket("attachments").key("530302/letter.pdf")));
        assertEquals(403, refused.statusCode());
      }
    }
    try (ObjectStore again = ObjectStore.start(directory, port, "petition", "a-local-secret");
        S3Client s3 = client(again.endpoint(), "a-local-secret")) {
      byte[] read =
          s3.getObjectAsBytes(b -> b.bucket("attachments").key("530302/letter.pdf")).asByteArray();
      assertEquals(
          new String(scan, StandardCharsets.UTF_8), new String(read, StandardCharsets.UTF_8));
    }
  }

  private static S3Client client(String endpoint, String secret) {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.of(ObjectStore.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("petition", secret)))
        .forcePathStyle(true)
        .httpClient(UrlConnectionHttpClient.create())
        // S3-compatible stores: checksums only where S3 requires them
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }
}
