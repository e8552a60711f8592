package cn.gov.petition.gateway.api;

import cn.gov.petition.gateway.config.GatewayConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 接口文档: one OpenAPI document for the whole platform as a caller sees it through the gateway. The
 * gateway's own paths and each service's, read from the running services (so the document is what
 * is deployed) with their paths under {@code /api/<service>}; schemas of the same name and shape
 * are shared, those of the same name and another shape are renamed {@code <service>.<name>}.
 * Swagger UI (/q/swagger-ui) shows it first. A service that does not answer is left out and named
 * in {@code x-unavailable}; such a document is not kept.
 */
@Path("/openapi")
@PermitAll
@Tag(
    name = "接口文档 / API documents",
    description = "全平台与各服务的接口文档 / The OpenAPI documents of the platform and its services")
public class OpenApiResource {

  static final String YAML = "application/yaml";
  private static final Duration KEPT = Duration.ofMinutes(1);
  private static final String SCHEMAS = "#/components/schemas/";

  private final GatewayConfig config;
  private final WebClient client;
  private final ObjectMapper json;
  private final Clock clock;
  private volatile ObjectNode kept;
  private volatile Instant keptUntil = Instant.MIN;

  public OpenApiResource(GatewayConfig config, Vertx vertx, ObjectMapper json, Clock clock) {
    this.config = config;
    this.client = WebClient.create(vertx);
    this.json = json;
    this.clock = clock;
  }

  @PreDestroy
  void close() {
    client.close();
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, YAML})
  @Operation(
      summary = "全平台接口文档 / The OpenAPI document of the whole platform through the gateway",
      description = "JSON by default, YAML with Accept: application/yaml.")
  @APIResponse(
      responseCode = "200",
      description = "OpenAPI 3.1 文档 / the OpenAPI 3.1 document",
      content = {@Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = YAML)})
  @APIResponse(responseCode = "406", description = "只提供 JSON 或 YAML / JSON or YAML only")
  public Uni<Response> document(@Context HttpServerRequest request, @Context HttpHeaders headers) {
    boolean yaml =
        headers.getAcceptableMediaTypes().stream()
            .anyMatch(t -> YAML.equals(t.getType() + "/" + t.getSubtype()));
    ObjectNode current = kept;
    Uni<ObjectNode> document =
        current != null && clock.instant().isBefore(keptUntil)
            ? Uni.createFrom().item(current)
            : merged("http://127.0.0.1:" + request.localAddress().port());
    return document.map(d -> yaml ? asYaml(d) : Response.ok(d, MediaType.APPLICATION_JSON).build());
  }

  private static Response asYaml(ObjectNode document) {
    try {
      return Response.ok(new YAMLMapper().writeValueAsString(document), YAML).build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the merged document does not write as YAML", e);
    }
  }

  private Uni<ObjectNode> merged(String self) {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("gateway", self);
    config.services().forEach(sources::put);
    List<Uni<JsonNode>> fetches = new ArrayList<>();
    for (String base : sources.values()) {
      fetches.add(
          client
              .getAbs(base + "/q/openapi?format=json")
              .timeout(Duration.ofSeconds(10).toMillis())
              .send()
              .map(OpenApiResource::bodyOf)
              .map(this::parse)
              .onFailure()
              .recoverWithItem((JsonNode) null));
    }
    return Uni.join()
        .all(fetches)
        .andFailFast()
        .map(
            documents -> {
              Map<String, JsonNode> byService = new LinkedHashMap<>();
              int i = 0;
              for (String service : sources.keySet()) {
                byService.put(service, documents.get(i++));
              }
              ObjectNode document = merge(json, byService);
              if (!document.has("x-unavailable")) {
                kept = document;
                keptUntil = clock.instant().plus(KEPT);
              }
              return document;
            });
  }

  private static String bodyOf(HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("status " + response.statusCode());
    }
    return response.bodyAsString();
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("not an OpenAPI document", e);
    }
  }

  /**
   * The documents of the gateway and its services as one, the services' paths under {@code
   * /api/<service>}; a null document is a service that did not answer.
   */
  static ObjectNode merge(ObjectMapper json, Map<String, JsonNode> byService) {
    ObjectNode merged = json.createObjectNode();
    merged.put("openapi", "3.1.0");
    ObjectNode info = merged.putObject("info");
    info.put("title", "信访工作平台 / Petition platform API");
    info.put(
        "description",
        "全部服务的接口，经统一端口访问 / Every service's API as called through the gateway:"
            + " /api/<service>/... Bearer JWT; role and region subtree as each operation says.");
    merged.putArray("servers").addObject().put("url", "/");
    ArrayNode tags = merged.putArray("tags");
    Set<String> tagNames = new HashSet<>();
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    ObjectNode securitySchemes = components.putObject("securitySchemes");
    ArrayNode unavailable = json.createArrayNode();

    for (Map.Entry<String, JsonNode> entry : byService.entrySet()) {
      String service = entry.getKey();
      if (entry.getValue() == null) {
        unavailable.add(service);
        continue;
      }
      JsonNode document = entry.getValue().deepCopy();
      if (service.equals("gateway")) {
        info.put("version", document.path("info").path("version").asText("0"));
      }
      JsonNode own = document.path("components").path("schemas");
      Map<String, String> renames = new LinkedHashMap<>();
      own.fieldNames()
          .forEachRemaining(
              name -> {
                if (schemas.has(name) && !schemas.get(name).equals(own.get(name))) {
                  renames.put(name, service + "." + name);
                }
              });
      rewriteRefs(document, renames);
      own.fields()
          .forEachRemaining(
              schema ->
                  schemas.set(
                      renames.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
      document
          .path("components")
          .path("securitySchemes")
          .fields()
          .forEachRemaining(s -> securitySchemes.set(s.getKey(), s.getValue()));
      for (JsonNode tag : document.path("tags")) {
        if (tagNames.add(tag.path("name").asText())) {
          tags.add(tag);
        }
      }
      String prefix = service.equals("gateway") ? "" : "/api/" + service;
      document
          .path("paths")
          .fields()
          .forEachRemaining(
              path -> {
                // the proxy's catch-all stands for the services' own paths, listed instead
                if (!(service.equals("gateway") && path.getKey().startsWith("/api/{service}"))) {
                  paths.set(prefix + path.getKey(), path.getValue());
                }
              });
    }
    if (!unavailable.isEmpty()) {
      merged.set("x-unavailable", unavailable);
    }
    return merged;
  }

  /** Points every {@code $ref} to a renamed schema at its new name. */
  private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
    if (renames.isEmpty()) {
      return;
    }
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
        String renamed = renames.get(ref.asText().substring(SCHEMAS.length()));
        if (renamed != null) {
          object.set("$ref", TextNode.valueOf(SCHEMAS + renamed));
        }
      }
      object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
    }
  }
}
