package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.problem.ProblemMappers;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.intake.ImportJobs;
import cn.gov.petition.intake.ImportMappings;
import cn.gov.petition.intake.ImportRules;
import cn.gov.petition.intake.ImportedCase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a file of former cases (JSON Lines, docs/migration.md) and checks every line: as JSON, as
 * the fields of {@link ImportLine} (the same checks as a registration), against the import's rules
 * ({@link ImportRules}) and the caller's region. The report names each broken line's fields and
 * rules, with what is wrong in Chinese; never a value from the file.
 */
@ApplicationScoped
public class ImportChecks {

  /** The most cases one check takes (a larger file is checked in parts). */
  static final int MAX_RECORDS = 5_000;

  /** 中文说明 of each field rule, by the constraint's name; the English message follows it. */
  private static final Map<String, String> IN_CHINESE =
      Map.ofEntries(
          Map.entry("NotNull", "必填"),
          Map.entry("NotBlank", "不能为空"),
          Map.entry("Size", "长度或数量超出限制"),
          Map.entry("Min", "数值过小"),
          Map.entry("Max", "数值过大"),
          Map.entry("PastOrPresent", "日期不能晚于今天"),
          Map.entry("Pattern", "格式不正确"),
          Map.entry("DivisionCode", "不是国家行政区划代码表中的代码"),
          Map.entry("Category", "不是信访内容分类代码"),
          Map.entry("IdDocument", "证件号码不正确"));

  private final ObjectMapper json;
  private final Validator validator;
  private final Clock clock;

  public ImportChecks(ObjectMapper json, Validator validator, Clock clock) {
    this.json = json;
    this.validator = validator;
    this.clock = clock;
  }

  /** Checks every line of {@code text} for a caller who would import it. */
  public ImportReport check(String text, Caller caller, ImportMappings.Mapping mapping) {
    return report(read(text, caller, 0, mapping));
  }

  /** The report of checked records: those broken, each with what is wrong. */
  public static ImportReport report(List<ImportJobs.Checked> checked) {
    List<ImportReport.Row> rows = new ArrayList<>();
    for (ImportJobs.Checked record : checked) {
      if (!record.errors().isEmpty()) {
        rows.add(new ImportReport.Row(record.line(), record.oldCaseNumber(), record.errors()));
      }
    }
    return new ImportReport(checked.size(), checked.size() - rows.size(), rows.size(), rows);
  }

  /**
   * Reads and checks every line of {@code text}, numbering them after {@code lastLine} (the lines
   * of a job's earlier parts): each record is the case, or the rules it broke.
   */
  public List<ImportJobs.Checked> read(
      String text, Caller caller, int lastLine, ImportMappings.Mapping mapping) {
    if (text == null || text.isBlank()) {
      throw ProblemException.malformed(
          "body", "NotEmpty", "the file holds no case: one JSON object per line");
    }
    LocalDate today = LocalDate.now(clock);
    String[] lines = text.split("\r?\n", -1);
    Map<Integer, List<FieldError>> broken = new TreeMap<>();
    Map<Integer, String> numbers = new TreeMap<>();
    Map<Integer, ImportedCase> cases = new TreeMap<>();
    List<ImportedCase> readable = new ArrayList<>();
    int records = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      if (++records > MAX_RECORDS) {
        throw ProblemException.invalid(
            "body",
            "AtMostRecords",
            "one check or part takes at most " + MAX_RECORDS + " cases; send the file in parts");
      }
      int line = lastLine + i + 1;
      numbers.put(line, null);
      ImportLine read;
      try {
        // the syntax first (a line cut short, a key twice), then the fields' types and values
        read = json.treeToValue(translated(json.readTree(lines[i]), mapping), ImportLine.class);
      } catch (JsonProcessingException e) {
        broken.put(line, List.of(unreadable(e)));
        continue;
      }
      if (read == null) {
        broken.put(line, List.of(new FieldError("", "JsonObject", "该行不是一个 JSON 对象")));
        continue;
      }
      numbers.put(line, read.oldCaseNumber());
      List<FieldError> errors = new ArrayList<>();
      for (ConstraintViolation<ImportLine> violation : validator.validate(read)) {
        String rule = ProblemMappers.ruleOf(violation);
        errors.add(
            new FieldError(
                ProblemMappers.fieldOf(violation),
                rule,
                IN_CHINESE.getOrDefault(rule, "不符合规则") + "（" + violation.getMessage() + "）"));
      }
      if (!errors.isEmpty()) {
        errors.sort(Comparator.comparing(FieldError::field));
        broken.put(line, errors);
        continue;
      }
      if (!caller.covers(read.registration().matterRegionCode())) {
        broken.put(
            line,
            List.of(
                new FieldError(
                    "registration.matterRegionCode",
                    "InYourRegion",
                    "问题属地不在您的辖区（" + caller.region() + "）内")));
        continue;
      }
      ImportedCase imported = read.imported(line);
      cases.put(line, imported);
      readable.add(imported);
    }
    broken.putAll(ImportRules.checkAll(readable, today));
    List<ImportJobs.Checked> checked = new ArrayList<>();
    numbers.forEach(
        (line, number) -> {
          List<FieldError> errors = broken.getOrDefault(line, List.of());
          checked.add(
              new ImportJobs.Checked(
                  line, number, errors.isEmpty() ? cases.get(line) : null, errors));
        });
    return checked;
  }

  /**
   * The record with the former system's codes in the platform's, as the office's mapping tables say
   * (docs/migration.md): the category, and every unit that registered, acted or was sent the
   * matter. A code the tables do not list stays as it was, for the checks to judge.
   */
  static JsonNode translated(JsonNode record, ImportMappings.Mapping mapping) {
    if (record instanceof ObjectNode object) {
      if (object.get("registration") instanceof ObjectNode registration) {
        replace(registration, "category", ImportMappings.Table.CATEGORY, mapping);
      }
      if (object.get("registeredBy") instanceof ObjectNode registeredBy) {
        replace(registeredBy, "unit", ImportMappings.Table.UNIT, mapping);
      }
      if (object.get("steps") instanceof ArrayNode steps) {
        for (JsonNode step : steps) {
          if (step instanceof ObjectNode s) {
            replace(s, "toUnit", ImportMappings.Table.UNIT, mapping);
            if (s.get("by") instanceof ObjectNode by) {
              replace(by, "unit", ImportMappings.Table.UNIT, mapping);
            }
          }
        }
      }
    }
    return record;
  }

  private static void replace(
      ObjectNode node, String field, ImportMappings.Table table, ImportMappings.Mapping mapping) {
    if (node.get(field) instanceof TextNode text) {
      node.put(field, mapping.map(table, text.asText()));
    }
  }

  /** Where a line is not readable JSON, or a value has the wrong type: never the value itself. */
  private static FieldError unreadable(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new FieldError(
          ProblemMappers.pathOf(mapping.getPath()),
          "Type",
          "值的类型或取值不对（如未知的办理动作、日期格式不是 YYYY-MM-DD）");
    }
    int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
    return new FieldError("", "JsonLine", "该行不是合法的 JSON 对象（第 " + column + " 列附近）；每行一个案件");
  }
}
