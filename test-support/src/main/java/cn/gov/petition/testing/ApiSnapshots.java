package cn.gov.petition.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The committed API documents (docs/openapi/&lt;service&gt;.yaml): each service's
 * OpenApiDocumentTest compares the document it serves ({@link #served()}) with the committed one,
 * so every API change shows in review. Run the tests with {@code -Dpetition.api.update=true} to
 * write the current documents instead.
 */
public final class ApiSnapshots {

  private ApiSnapshots() {}

  /** The running service's OpenAPI document, as it serves it. */
  public static String served() {
    return io.restassured.RestAssured.given()
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .extract()
        .asString();
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

  /**
   * What the served OpenAPI document leaves undescribed: every operation needs a summary in Chinese
   * and English, and every plain field of every request body an example. Empty when all is
   * described.
   */
  public static List<String> undescribed() {
    Map<String, Object> document =
        io.restassured.RestAssured.given()
            .queryParam("format", "json")
            .when()
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("$");
    Map<String, Object> schemas = map(map(document.get("components")).get("schemas"));
    List<String> problems = new ArrayList<>();
    map(document.get("paths"))
        .forEach(
            (path, item) ->
                map(item)
                    .forEach(
                        (method, value) -> {
                          if (!(value instanceof Map<?, ?>)) {
                            return;
                          }
                          Map<String, Object> operation = map(value);
                          String summary = String.valueOf(operation.get("summary"));
                          if (!summary.matches("(?s).*[\\u4e00-\\u9fff].*")
                              || !summary.matches("(?s).*[A-Za-z].*")) {
                            problems.add(method + " " + path + ": summary not in both languages");
                          }
                          Object body = operation.get("requestBody");
                          if (body != null) {
                            for (Object content : map(map(body).get("content")).values()) {
                              fieldsWithoutExample(
                                  map(map(content).get("schema")),
                                  method + " " + path,
                                  schemas,
                                  problems,
                                  0);
                            }
                          }
                        }));
    return problems;
  }

  private static void fieldsWithoutExample(
      Map<String, Object> schema,
      String where,
      Map<String, Object> schemas,
      List<String> problems,
      int depth) {
    Map<String, Object> resolved = resolve(schema, schemas);
    if (depth > 5) {
      return;
    }
    if (resolved.get("items") != null) {
      fieldsWithoutExample(map(resolved.get("items")), where + "[]", schemas, problems, depth + 1);
      return;
    }
    Map<String, Object> properties = map(resolved.get("properties"));
    properties.forEach(
        (name, value) -> {
          Map<String, Object> property = map(value);
          Map<String, Object> target = resolve(property, schemas);
          if (target.get("properties") != null || target.get("items") != null) {
            fieldsWithoutExample(target, where + "." + name, schemas, problems, depth + 1);
          } else if (!hasExample(property) && !hasExample(target)) {
            problems.add(where + " field " + name + ": no example");
          }
        });
  }

  private static boolean hasExample(Map<String, Object> schema) {
    return schema.containsKey("example") || schema.containsKey("examples");
  }

  private static Map<String, Object> resolve(
      Map<String, Object> schema, Map<String, Object> schemas) {
    Map<String, Object> current = schema;
    while (current.get("$ref") != null && current.get("properties") == null) {
      String ref = current.get("$ref").toString();
      current = map(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)));
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
