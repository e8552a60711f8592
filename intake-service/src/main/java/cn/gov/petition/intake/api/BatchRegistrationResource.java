package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.problem.ProblemMappers;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.tx.DatabaseUnavailable;
import cn.gov.petition.intake.Registrar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 批量登记: up to {@value #MOST} petitions in one call, as a 12345 phone centre or another system hands
 * over what it took (issue 32). Each petition is checked and answered on its own, exactly as {@code
 * POST /cases} would answer it; each is registered whole or not at all.
 */
@Path("/cases/batch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "信访件 / Cases")
public class BatchRegistrationResource {

  /** The most petitions one call takes. */
  static final int MOST = 1000;

  /**
   * How many petitions share a transaction (one commit to disk for them); if one of them fails
   * there, they are registered again one per transaction, so that the others are not lost with it.
   */
  static final int TOGETHER = 20;

  private static final ProblemMappers PROBLEMS = new ProblemMappers();

  private final Registrar registrar;
  private final RegistrationAnswers answers;
  private final Caller caller;
  private final ObjectMapper json;
  private final Validator validator;

  public BatchRegistrationResource(
      Registrar registrar,
      RegistrationAnswers answers,
      Caller caller,
      ObjectMapper json,
      Validator validator) {
    this.registrar = registrar;
    this.answers = answers;
    this.caller = caller;
    this.json = json;
    this.validator = validator;
  }

  /** 批量登记请求: the petitions, each as {@code POST /cases} takes one. */
  @Schema(description = "批量登记 / A batch of petitions to register")
  public record BatchRequest(
      @Schema(
              description = "信访登记，每件与单件登记相同 / the petitions, each as POST /cases takes it",
              type = SchemaType.ARRAY,
              implementation = RegisterPetitionRequest.class)
          @NotNull
          @Size(min = 1, max = MOST)
          List<JsonNode> petitions) {}

  /** What became of one petition of the batch. */
  @Schema(description = "一件的结果 / What became of one petition")
  public record ItemResult(
      @Schema(description = "在请求中的序号（从 0 起）/ its place in the request, from 0") int index,
      @Schema(
              description =
                  "与单件登记相同的状态码 / the status POST /cases would have answered: 201 registered, 200"
                      + " linked to an open case or an earlier answer, 400/409/422 refused, 503 not"
                      + " tried")
          int status,
      @Schema(description = "登记结果 / what the registration did (2xx)")
          RegistrationResult registration,
      @Schema(description = "不予登记的原因 / why it was not registered (4xx, 5xx)") Problem problem) {}

  /** 批量登记结果: each petition's answer, in the order sent, and the counts. */
  @Schema(description = "批量登记结果 / The answer to a batch")
  public record BatchResult(
      @Schema(description = "新登记的件数 / cases opened") int registered,
      @Schema(description = "并入原件或此前已登记 / linked to an open case, or answered before")
          int unchanged,
      @Schema(description = "不予登记的件数 / petitions refused or not tried") int refused,
      List<ItemResult> results) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRAR)
  @Operation(
      summary = "批量登记 / Register a batch of petitions",
      description =
          "一次登记至多 1000 件（如 12345 热线移交），逐件校验、逐件答复，每件或全部登记或不登记。 Registers up to 1,000"
              + " petitions in one call; each is checked and answered on its own, as POST /cases"
              + " would answer it (201, 200, 400, 409, 422), and is registered whole or not at all."
              + " With an Idempotency-Key the batch may be sent again: each petition already"
              + " registered is answered as before (200). A petition the database could not take"
              + " is answered 503 and every one after it is not tried: send the batch again with"
              + " the same key.")
  @APIResponse(
      responseCode = "200",
      description = "每件的结果 / each petition's answer",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BatchResult.class)))
  @APIResponse(
      responseCode = "400",
      description = "批量请求本身有误 / the batch itself is malformed (no list, over 1,000)",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public BatchResult register(
      @Parameter(description = "幂等键 / makes a resend of the batch safe")
          @HeaderParam("Idempotency-Key")
          @Size(min = 8, max = 128)
          @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits and . _ : - only")
          String idempotencyKey,
      @NotNull @Valid BatchRequest request) {
    int count = request.petitions().size();
    ItemResult[] results = new ItemResult[count];
    List<Item> ready = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Item item = read(i, request.petitions().get(i), idempotencyKey);
      if (item.refused != null) {
        results[i] = item.refused;
      } else {
        ready.add(item);
      }
    }
    boolean databaseDown = false;
    for (int from = 0; from < ready.size(); from += TOGETHER) {
      List<Item> group = ready.subList(from, Math.min(ready.size(), from + TOGETHER));
      if (databaseDown) {
        group.forEach(item -> results[item.index] = notTried(item.index));
        continue;
      }
      try {
        List<ItemResult> done =
            QuarkusTransaction.requiringNew()
                .call(() -> group.stream().map(this::registerOne).toList());
        done.forEach(r -> results[r.index()] = r);
      } catch (RuntimeException together) {
        // one of them failed: each again in a transaction of its own
        for (Item item : group) {
          if (databaseDown) {
            results[item.index] = notTried(item.index);
            continue;
          }
          try {
            results[item.index] = QuarkusTransaction.requiringNew().call(() -> registerOne(item));
          } catch (RuntimeException alone) {
            results[item.index] =
                refused(item.index, problemOf(alone), "petitions[" + item.index + "].");
            databaseDown = DatabaseUnavailable.why(alone).isPresent();
          }
        }
      }
    }
    List<ItemResult> answered = Arrays.asList(results);
    int registered = (int) answered.stream().filter(r -> r.status() == 201).count();
    int unchanged = (int) answered.stream().filter(r -> r.status() == 200).count();
    return new BatchResult(registered, unchanged, count - registered - unchanged, answered);
  }

  /** A petition of the batch as read, checked on its own; {@code refused} if it cannot be. */
  private record Item(
      int index,
      RegisterPetitionRequest request,
      String idempotencyKey,
      String fingerprint,
      ItemResult refused) {}

  private Item read(int index, JsonNode node, String batchKey) {
    String field = "petitions[" + index + "]";
    RegisterPetitionRequest request;
    try {
      request = json.treeToValue(node, RegisterPetitionRequest.class);
    } catch (JsonProcessingException e) {
      return refusedItem(index, problemOf(e), field + ".");
    } catch (IllegalArgumentException e) {
      return refusedItem(
          index, Problem.of(400, "Bad Request", field + " is not a petition"), field + ".");
    }
    if (request == null) {
      return refusedItem(
          index,
          ProblemException.malformed(field, "NotNull", "a petition, not null").problem(),
          "");
    }
    Set<ConstraintViolation<RegisterPetitionRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      return refusedItem(
          index, problemOf(new ConstraintViolationException(violations)), field + ".");
    }
    try {
      registrar.checkRules(request.petition());
    } catch (ProblemException e) {
      return refusedItem(index, e.problem(), field + ".");
    }
    // each petition its own key under the batch's: '#' is no character of a caller's key, so no
    // single registration's key can be one of them
    String key = batchKey == null ? null : batchKey + "#" + index;
    return new Item(index, request, key, key == null ? null : answers.fingerprint(request), null);
  }

  private ItemResult registerOne(Item item) {
    RegistrationAnswers.Answer answer =
        answers.register(item.request, caller, item.idempotencyKey, item.fingerprint);
    return new ItemResult(item.index, answer.status(), answer.result(), null);
  }

  private static Item refusedItem(int index, Problem problem, String prefix) {
    return new Item(index, null, null, null, refused(index, problem, prefix));
  }

  /** The problem with its fields named as the batch's ({@code petitions[3].phone}). */
  private static ItemResult refused(int index, Problem problem, String prefix) {
    List<Problem.FieldError> errors =
        problem.errors() == null
            ? List.of()
            : problem.errors().stream()
                .map(
                    e ->
                        new Problem.FieldError(
                            e.field().equals("Idempotency-Key") ? e.field() : prefix + e.field(),
                            e.rule(),
                            e.message()))
                .toList();
    String detail =
        prefix.isEmpty() || problem.detail() == null
            ? problem.detail()
            : "petitions[" + index + "]: " + problem.detail();
    return new ItemResult(
        index,
        problem.status(),
        null,
        new Problem(problem.type(), problem.title(), problem.status(), detail, errors));
  }

  private static ItemResult notTried(int index) {
    return new ItemResult(
        index,
        503,
        null,
        Problem.of(
            503,
            "Service Unavailable",
            "not tried: the database could not take an earlier petition of the batch; send the"
                + " batch again with the same Idempotency-Key"));
  }

  /** The problem {@code POST /cases} would have answered for this failure. */
  private static Problem problemOf(Exception failure) {
    Response response;
    if (failure instanceof ProblemException p) {
      response = PROBLEMS.problem(p);
    } else if (failure instanceof ConstraintViolationException v) {
      response = PROBLEMS.constraintViolation(v);
    } else if (failure instanceof JsonProcessingException j) {
      response = PROBLEMS.unreadable(j);
    } else {
      response = PROBLEMS.unexpected(failure);
    }
    return (Problem) response.getEntity();
  }
}
