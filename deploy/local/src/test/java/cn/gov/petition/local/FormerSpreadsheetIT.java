package cn.gov.petition.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27: the spreadsheet a former system exports (sheets 案件 and 办理过程, Chinese column names and
 * values, dates as date cells or text) becomes the import's records; a workbook cut short is
 * refused before anything is sent. Needs no running node.
 */
class FormerSpreadsheetIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theExportsSheetsBecomeOneRecordPerCaseInThePlatformsCodes() throws Exception {
    Path xlsx = workbook(dir.resolve("cases.xlsx"));
    Path jsonl = dir.resolve("cases.jsonl");

    FormerSpreadsheet.Converted converted = FormerSpreadsheet.toJsonLines(xlsx, jsonl);

    assertEquals(2, converted.cases());
    assertEquals(List.of(2, 4), converted.rows(), "the 案件 rows, the blank row left out");
    List<String> lines = Files.readAllLines(jsonl);
    JsonNode first = JSON.readTree(lines.get(0));
    assertEquals("QL-2021-0001", first.path("oldCaseNumber").asText());
    JsonNode registration = first.path("registration");
    assertEquals("LETTER", registration.path("channel").asText());
    assertEquals("2021-03-01", registration.path("receivedOn").asText(), "a date cell");
    assertEquals("APPEAL", registration.path("petitionClass").asText());
    assertEquals("SEEK_SOLUTION", registration.path("purpose").asText());
    assertEquals(1, registration.path("personCount").asInt());
    assertEquals("RESIDENT_ID", registration.path("petitioners").get(0).path("idType").asText());
    assertEquals("530302:xfj", first.path("registeredBy").path("unit").asText());
    assertEquals("2021-03-16", first.path("oldDueDates").path("FORWARD").asText());
    JsonNode steps = first.path("steps");
    assertEquals(3, steps.size());
    assertEquals("FORWARDED", steps.get(0).path("act").asText());
    assertEquals("530302:zjj", steps.get(0).path("toUnit").asText());
    assertEquals("2021-03-05", steps.get(1).path("on").asText(), "2021年3月5日 as text");
    assertEquals("ACCEPTED", steps.get(1).path("act").asText());
    assertEquals("SUPPORTED", steps.get(2).path("outcome").asText());
    JsonNode second = JSON.readTree(lines.get(1));
    assertEquals("VISIT", second.path("registration").path("channel").asText());
    assertEquals("2022-07-08", second.path("registration").path("receivedOn").asText(), "2022/7/8");
    assertEquals(
        "不知道", second.path("registration").path("purpose").asText(), "left for the checks");
    assertEquals(0, second.path("steps").size());
  }

  @Test
  void aWorkbookCutShortIsRefusedAndWritesNothing() throws Exception {
    Path whole = workbook(dir.resolve("whole.xlsx"));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.xlsx");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    Path jsonl = dir.resolve("cut.jsonl");

    IOException refused =
        assertThrows(IOException.class, () -> FormerSpreadsheet.toJsonLines(cut, jsonl));
    assertTrue(refused.getMessage().contains("不是完整的 XLSX"), refused.getMessage());
    assertTrue(Files.notExists(jsonl), "nothing written");
  }

  private static Path workbook(Path file) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      CellStyle date = book.createCellStyle();
      date.setDataFormat(
          book.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
      Sheet cases = book.createSheet("案件");
      row(
          cases, 0, "原系统案件编号", "信访日期", "信访形式", "问题属地", "信访类别", "信访目的", "内容分类", "信访内容", "信访人数", "姓名",
          "证件类型", "证件号码", "登记单位", "登记人", "原转送期限");
      Row first =
          row(
              cases,
              1,
              "QL-2021-0001",
              null,
              "来信",
              "530302001",
              "申诉求决类",
              "求决",
              "0105",
              "小区供暖长期不达标。",
              "1",
              "赵某",
              "居民身份证",
              "53030219800101001X",
              "530302:xfj",
              "张某",
              "2021-03-16");
      first.createCell(1).setCellValue(LocalDate.of(2021, 3, 1));
      first.getCell(1).setCellStyle(date);
      row(
          cases,
          3,
          "QL-2022-0002",
          "2022/7/8",
          "来访",
          "530302002",
          "申诉求决类",
          "不知道",
          "0201",
          "拖欠工资。",
          "2",
          "钱某",
          "身份证",
          "530302198001010028",
          "530302:xfj",
          "张某");
      Sheet steps = book.createSheet("办理过程");
      row(steps, 0, "原系统案件编号", "办理环节", "办理日期", "办理单位", "经办人", "去向单位", "办理结果", "说明");
      row(steps, 1, "QL-2021-0001", "转送", "2021-03-02", "530302:xfj", "张某", "530302:zjj");
      row(steps, 2, "QL-2021-0001", "受理", "2021年3月5日", "530302:zjj", "李某");
      row(steps, 3, "QL-2021-0001", "出具处理意见", "2021-04-28", "530302:zjj", "李某", null, "支持", "限期整改");
      book.write(out);
    }
    return file;
  }

  private static Row row(Sheet sheet, int index, String... values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        row.createCell(i).setCellValue(values[i]);
      }
    }
    return row;
  }
}
