package cn.gov.petition.intake;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real S3-compatible object store (S3Proxy, ADR 31) for intake's tests: started with the shared
 * infrastructure by intake alone, the one service that keeps attachments (the other modules' tests
 * do not pay for its JVM).
 */
public class ObjectStoreResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return PetitionTestInfrastructure.infrastructure().objectsConfig();
  }

  @Override
  public void stop() {
    // the shared infrastructure stops the store with the rest, when the JVM ends
  }

  /** The node's bucket, as the service under test is configured. */
  static String bucket() {
    return ConfigProvider.getConfig().getValue("petition.objects.bucket", String.class);
  }

  /** A client of the store, to look at what the service keeps there (close it). */
  static S3Client client() {
    Config config = ConfigProvider.getConfig();
    String secret = config.getValue("petition.objects.secret-key", String.class);
    return S3Client.builder()
        .endpointOverride(URI.create(config.getValue("petition.objects.endpoint", String.class)))
        .region(Region.of("us-east-1"))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("petition", secret)))
        .forcePathStyle(true)
        .httpClient(UrlConnectionHttpClient.create())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  /** How many objects the store keeps for the case (none before the node's first attachment). */
  static int storedFor(String caseId) {
    try (S3Client s3 = client()) {
      return s3.listObjectsV2(b -> b.bucket(bucket()).prefix(caseId + "/")).contents().size();
    } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException noneYet) {
      return 0;
    }
  }
}
