package cn.gov.petition.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * 原系统导出的电子表格: reads the workbook a former system exports (docs/migration.md: a sheet 案件 of one row
 * per case, a sheet 办理过程 of one row per step, with the column names in Chinese such exports use) as
 * a stream, and writes it as the import's JSON Lines, one case per line, in the order of the 案件
 * rows. Values in Chinese (来信, 申诉求决类, 受理, 满意 ...) become the platform's codes; one it does not know
 * is passed on as it is, for the checks to report. Dates may be date cells or text (2021-03-01,
 * 2021/3/1, 2021年3月1日).
 */
public final class FormerSpreadsheet {

  /** The sheet of cases and the sheet of steps. */
  static final String CASES = "案件";

  static final String STEPS = "办理过程";

  private static final Map<String, String> CHANNELS =
      Map.of(
          "来信", "LETTER", "来访", "VISIT", "网上信访", "ONLINE", "网信", "ONLINE", "电话", "PHONE", "传真",
          "FAX", "手机", "MOBILE", "手机信访", "MOBILE");
  private static final Map<String, String> CLASSES =
      Map.of("建议意见类", "SUGGESTION", "检举控告类", "ACCUSATION", "申诉求决类", "APPEAL");
  private static final Map<String, String> PURPOSES =
      Map.of(
          "求决",
          "SEEK_SOLUTION",
          "申诉",
          "APPEAL_DECISION",
          "揭发控告",
          "REPORT_MISCONDUCT",
          "建议",
          "SUGGEST",
          "咨询",
          "ENQUIRE",
          "其他",
          "OTHER");
  private static final Map<String, String> ID_TYPES =
      Map.of(
          "居民身份证",
          "RESIDENT_ID",
          "身份证",
          "RESIDENT_ID",
          "护照",
          "PASSPORT",
          "港澳居民来往内地通行证",
          "HK_MACAO_PERMIT",
          "台湾居民来往大陆通行证",
          "TAIWAN_PERMIT",
          "外国人永久居留身份证",
          "FOREIGN_PERMANENT_RESIDENT",
          "统一社会信用代码",
          "CREDIT_CODE");
  private static final Map<String, String> ACTS = acts();
  private static final Map<String, String> OUTCOMES = outcomes();
  private static final Map<String, String> DUE_STEPS =
      Map.of(
          "原转送期限",
          "FORWARD",
          "原受理期限",
          "ACCEPT",
          "原办理期限",
          "HANDLE",
          "原复查期限",
          "REVIEW",
          "原复核期限",
          "REREVIEW");

  private static final Pattern CHINESE_DATE =
      Pattern.compile("(\\d{4})\\D(\\d{1,2})\\D(\\d{1,2})日?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private FormerSpreadsheet() {}

  /** What a conversion wrote: how many cases, and the 案件 row each JSON line came from. */
  public record Converted(int cases, List<Integer> rows) {}

  /** Whether the file is a spreadsheet by its name. */
  static boolean isSpreadsheet(Path file) {
    return file.getFileName().toString().toLowerCase().endsWith(".xlsx");
  }

  /**
   * Writes the workbook's cases to {@code jsonl}; an unreadable workbook (not XLSX, cut short) or
   * one without the two sheets is refused with an IOException saying so, before anything is
   * written.
   */
  public static Converted toJsonLines(Path xlsx, Path jsonl) throws IOException {
    Map<String, List<Map<String, String>>> sheets;
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
      sheets = read(pkg);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(
          xlsx + " 不是完整的 XLSX 文件（" + e.getClass().getSimpleName() + "）：请从原系统重新导出", e);
    }
    if (!sheets.containsKey(CASES) || !sheets.containsKey(STEPS)) {
      throw new IOException(xlsx + " 缺少工作表「" + CASES + "」或「" + STEPS + "」(docs/migration.md)");
    }
    Map<String, List<Map<String, Object>>> steps = new HashMap<>();
    for (Map<String, String> row : sheets.get(STEPS)) {
      steps.computeIfAbsent(row.getOrDefault("原系统案件编号", ""), k -> new ArrayList<>()).add(step(row));
    }
    List<Integer> rows = new ArrayList<>();
    try (BufferedWriter out = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
      for (Map<String, String> row : sheets.get(CASES)) {
        Map<String, Object> record = record(row);
        record.put("steps", steps.getOrDefault(row.getOrDefault("原系统案件编号", ""), List.of()));
        out.write(JSON.writeValueAsString(record));
        out.write('\n');
        rows.add(Integer.parseInt(row.get("#row")));
      }
    }
    return new Converted(rows.size(), rows);
  }

  private static Map<String, Object> record(Map<String, String> row) {
    Map<String, Object> petitioner = new LinkedHashMap<>();
    put(petitioner, "name", row.get("姓名"));
    put(petitioner, "idType", code(ID_TYPES, row.get("证件类型")));
    put(petitioner, "idNumber", row.get("证件号码"));
    put(petitioner, "phone", row.get("联系电话"));
    put(petitioner, "address", row.get("住址"));
    put(petitioner, "addressRegionCode", row.get("住址区划"));
    Map<String, Object> registration = new LinkedHashMap<>();
    put(registration, "channel", code(CHANNELS, row.get("信访形式")));
    put(registration, "receivedOn", date(row.get("信访日期")));
    put(registration, "matterRegionCode", row.get("问题属地"));
    put(registration, "petitionClass", code(CLASSES, row.get("信访类别")));
    put(registration, "purpose", code(PURPOSES, row.get("信访目的")));
    put(registration, "category", row.get("内容分类"));
    put(registration, "content", row.get("信访内容"));
    registration.put("personCount", number(row.getOrDefault("信访人数", "1")));
    registration.put("petitioners", petitioner.isEmpty() ? List.of() : List.of(petitioner));
    if ("是".equals(row.get("匿名"))) {
      registration.put("anonymous", true);
    }
    Map<String, Object> record = new LinkedHashMap<>();
    put(record, "oldCaseNumber", row.get("原系统案件编号"));
    record.put("registration", registration);
    record.put("registeredBy", actor(row.get("登记单位"), row.get("登记人")));
    Map<String, Object> due = new LinkedHashMap<>();
    DUE_STEPS.forEach((column, step) -> put(due, step, date(row.get(column))));
    if (!due.isEmpty()) {
      record.put("oldDueDates", due);
    }
    return record;
  }

  private static Map<String, Object> step(Map<String, String> row) {
    Map<String, Object> step = new LinkedHashMap<>();
    put(step, "act", code(ACTS, row.get("办理环节")));
    put(step, "on", date(row.get("办理日期")));
    step.put("by", actor(row.get("办理单位"), row.get("经办人")));
    put(step, "toUnit", row.get("去向单位"));
    if (row.get("延期天数") != null) {
      step.put("days", number(row.get("延期天数")));
    }
    put(step, "outcome", code(OUTCOMES, row.get("办理结果")));
    put(step, "text", row.get("说明"));
    Map<String, Object> checklist = new LinkedHashMap<>();
    put(checklist, "problemSolved", row.get("解决问题到位"));
    put(checklist, "counselled", row.get("思想教育到位"));
    put(checklist, "assisted", row.get("帮扶救助到位"));
    put(checklist, "dealtWithByLaw", row.get("依法处理"));
    if (!checklist.isEmpty()) {
      step.put("checklist", checklist);
    }
    return step;
  }

  private static Map<String, Object> actor(String unit, String user) {
    Map<String, Object> actor = new LinkedHashMap<>();
    put(actor, "unit", unit);
    put(actor, "user", user);
    return actor;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null && !(value instanceof String s && s.isBlank())) {
      map.put(key, value);
    }
  }

  private static String code(Map<String, String> codes, String value) {
    return value == null ? null : codes.getOrDefault(value.trim(), value.trim());
  }

  /** A number as a number, or the text for the checks to refuse. */
  private static Object number(String value) {
    try {
      return (int) Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return value;
    }
  }

  /** 2021-03-01, 2021/3/1 or 2021年3月1日 as 2021-03-01; anything else as it is. */
  static String date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Matcher m = CHINESE_DATE.matcher(value.trim());
    if (m.matches()) {
      return String.format(
          "%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    return value.trim();
  }

  /** Every sheet's rows as column name → text, each with its row number under "#row". */
  private static Map<String, List<Map<String, String>>> read(OPCPackage pkg) throws Exception {
    XSSFReader reader = new XSSFReader(pkg);
    ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
    Map<String, List<Map<String, String>>> sheets = new HashMap<>();
    XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
    while (iterator.hasNext()) {
      try (InputStream sheet = iterator.next()) {
        List<Map<String, String>> rows = new ArrayList<>();
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(), null, strings, new Rows(rows), new IsoDates(), false));
        parser.parse(new InputSource(sheet));
        sheets.put(iterator.getSheetName().trim(), rows);
      }
    }
    return sheets;
  }

  /** The rows of a sheet by the names in its first row. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final List<Map<String, String>> rows;
    private final Map<Integer, String> header = new HashMap<>();
    private Map<String, String> current;
    private int rowNumber;

    Rows(List<Map<String, String>> rows) {
      this.rows = rows;
    }

    @Override
    public void startRow(int rowNum) {
      rowNumber = rowNum;
      current = new HashMap<>();
    }

    @Override
    public void endRow(int rowNum) {
      if (rowNum > 0 && !current.isEmpty()) {
        current.put("#row", Integer.toString(rowNum + 1));
        rows.add(current);
      }
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
      if (rowNumber == 0) {
        header.put(column, value.trim());
      } else if (header.containsKey(column) && value != null && !value.isBlank()) {
        current.put(header.get(column), value.trim());
      }
    }
  }

  /** Formats date cells as ISO dates (2021-03-01), whatever their display format. */
  private static final class IsoDates extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value)
            .toLocalDate()
            .format(DateTimeFormatter.ISO_LOCAL_DATE);
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }

  private static Map<String, String> acts() {
    Map<String, String> acts = new HashMap<>();
    String[][] pairs = {
      {"转送", "FORWARDED"},
      {"交办", "ASSIGNED"},
      {"告知其他途径", "REFERRED"},
      {"受理", "ACCEPTED"},
      {"不予受理", "DECLINED"},
      {"提出异议", "OBJECTED"},
      {"异议", "OBJECTED"},
      {"异议成立", "OBJECTION_UPHELD"},
      {"异议成立，改送", "OBJECTION_UPHELD"},
      {"异议不成立", "OBJECTION_REJECTED"},
      {"延期", "EXTENDED"},
      {"延长办理期限", "EXTENDED"},
      {"听证", "HEARING_HELD"},
      {"调解和解", "MEDIATED"},
      {"出具处理意见", "OPINION_ISSUED"},
      {"答复", "OPINION_ISSUED"},
      {"报送办结报告", "REPORT_SUBMITTED"},
      {"满意度评价", "EVALUATED"},
      {"评价", "EVALUATED"},
      {"申请复查", "REVIEW_REQUESTED"},
      {"出具复查意见", "REVIEW_ISSUED"},
      {"申请复核", "REREVIEW_REQUESTED"},
      {"出具复核意见", "REREVIEW_ISSUED"},
      {"办结", "CLOSED"},
      {"终结", "TERMINATED"}
    };
    for (String[] pair : pairs) {
      acts.put(pair[0], pair[1]);
    }
    return acts;
  }

  private static Map<String, String> outcomes() {
    Map<String, String> outcomes = new HashMap<>();
    String[][] pairs = {
      {"支持", "SUPPORTED"}, {"解释说明", "EXPLAINED"}, {"不予支持", "NOT_SUPPORTED"},
      {"满意", "SATISFIED"}, {"基本满意", "BASICALLY_SATISFIED"}, {"不满意", "UNSATISFIED"},
      {"诉讼", "LITIGATION"}, {"仲裁", "ARBITRATION"}, {"党员申诉", "PARTY_APPEAL"},
      {"行政程序", "ADMINISTRATIVE"}, {"依法履职", "LAW_ENFORCEMENT"}
    };
    for (String[] pair : pairs) {
      outcomes.put(pair[0], pair[1]);
    }
    return outcomes;
  }
}
