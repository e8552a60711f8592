package cn.gov.petition.intake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 案件列表导出: the case list as CSV, with the Chinese column names a clerk reads and a byte-order mark,
 * so that Excel (which the offices use) opens it as UTF-8. Same columns as the list: no person and
 * no content.
 */
final class CaseListCsv {

  /** The most cases one export holds. */
  static final int MAX_ROWS = 10_000;

  private static final CsvMapper CSV = new CsvMapper();

  private static final List<String> HEADER =
      List.of(
          "信访件编号", "状态", "内容分类", "信访形式", "问题属地", "当前责任单位", "收到日期", "集体访", "重复信访", "越级", "检举控告",
          "下一环节", "到期日", "剩余天数");

  private CaseListCsv() {}

  static String of(CaseListView page) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (CaseListView.Item i : page.items()) {
      rows.add(
          List.of(
              i.caseNumber(),
              i.statusLabel(),
              text(i.categoryName()),
              i.channel(),
              i.matterRegionCode(),
              text(i.responsibleUnit()),
              text(i.receivedOn()),
              yes(i.collective()),
              yes(i.repeat()),
              yes(i.escalated()),
              yes(i.accusation()),
              text(i.nextStepLabel()),
              text(i.nextDueOn()),
              i.daysLeft() == null ? "" : i.daysLeft().toString()));
    }
    try {
      return "\uFEFF" + CSV.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the case list cannot be written as CSV", e);
    }
  }

  private static String yes(boolean flag) {
    return flag ? "是" : "否";
  }

  private static String text(Object value) {
    return value == null ? "" : value instanceof LocalDate d ? d.toString() : value.toString();
  }
}
