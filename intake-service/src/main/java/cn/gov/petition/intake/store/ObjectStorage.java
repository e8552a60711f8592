package cn.gov.petition.intake.store;

import cn.gov.petition.common.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * 对象存储: the node's bucket in an S3-compatible object store (ADR 31), where attachments are kept as
 * sealed bytes; path-style requests and checksums only where S3 requires them, as every
 * S3-compatible store (MinIO, Ceph, the government clouds' object services, the local S3Proxy)
 * accepts. Without {@code petition.objects.endpoint} the node keeps no attachments (503).
 */
@ApplicationScoped
public class ObjectStorage {

  private final Optional<String> endpoint;
  private final String bucket;
  private final String accessKey;
  private final Optional<String> secretKey;
  private final String region;
  private volatile S3Client client;

  public ObjectStorage(
      @ConfigProperty(name = "petition.objects.endpoint") Optional<String> endpoint,
      @ConfigProperty(name = "petition.objects.bucket") String bucket,
      @ConfigProperty(name = "petition.objects.access-key", defaultValue = "petition")
          String accessKey,
      @ConfigProperty(name = "petition.objects.secret-key") Optional<String> secretKey,
      @ConfigProperty(name = "petition.objects.region", defaultValue = "us-east-1") String region) {
    this.endpoint = endpoint;
    this.bucket = bucket;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.region = region;
  }

  /** Keeps the bytes under the key. */
  public void put(String key, byte[] bytes) {
    s3().putObject(
            b -> b.bucket(bucket).key(key).contentType("application/octet-stream"),
            RequestBody.fromBytes(bytes));
  }

  /** The bytes kept under the key. */
  public byte[] get(String key) {
    return s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }

  /** The bytes {@code from} to {@code to} (both included) of what is kept under the key. */
  public byte[] get(String key, long from, long to) {
    return s3().getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=" + from + "-" + to))
        .asByteArray();
  }

  /** Removes what is kept under the keys (retention). */
  public void delete(List<String> keys) {
    for (String key : keys) {
      s3().deleteObject(b -> b.bucket(bucket).key(key));
    }
  }

  private S3Client s3() {
    S3Client current = client;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (client == null) {
        if (endpoint.isEmpty() || secretKey.isEmpty()) {
          throw new ProblemException(
              503,
              "Service Unavailable",
              "this node keeps no attachments: no object store is configured"
                  + " (petition.objects.endpoint)",
              List.of());
        }
        S3Client fresh =
            S3Client.builder()
                .endpointOverride(URI.create(endpoint.get()))
                .region(Region.of(region))
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKey, secretKey.get())))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        try {
          fresh.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException missing) {
          fresh.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
          if (e.statusCode() != 404) {
            throw e;
          }
          fresh.createBucket(b -> b.bucket(bucket));
        }
        client = fresh;
      }
      return client;
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    S3Client current = client;
    if (current != null) {
      current.close();
    }
  }
}
