package cn.gov.petition.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed API documents (docs/openapi/&lt;service&gt;.yaml): a test compares the document a
 * service serves with the committed one, so every API change shows in review. Run the tests with
 * {@code -Dpetition.api.update=true} to write the current documents instead.
 */
public final class ApiSnapshots {

  private ApiSnapshots() {}

  /**
   * Fetches the running service's OpenAPI document and asserts that it is the committed one (or,
   * with {@code -Dpetition.api.update=true}, writes it).
   */
  public static void assertServedApiIsCommitted(String service) {
    String served =
        io.restassured.RestAssured.given()
            .when()
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    org.junit.jupiter.api.Assertions.assertNull(compare(service, served));
  }

  /** Returns null when the served document matches, otherwise what to tell the developer. */
  public static String compare(String service, String served) {
    Path root =
        Path.of(System.getProperty("petition.project.root", "..")).toAbsolutePath().normalize();
    Path committed = root.resolve("docs/openapi").resolve(service + ".yaml");
    String normalised = served.strip() + "\n";
    try {
      if (Boolean.getBoolean("petition.api.update")) {
        Files.createDirectories(committed.getParent());
        Files.writeString(committed, normalised, StandardCharsets.UTF_8);
        return null;
      }
      if (!Files.exists(committed)) {
        return committed
            + " is missing: run the tests with -Dpetition.api.update=true and commit it";
      }
      if (!Files.readString(committed, StandardCharsets.UTF_8).equals(normalised)) {
        return "The API of "
            + service
            + " differs from "
            + committed
            + ": review the change, then run the tests with -Dpetition.api.update=true and commit the document";
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
