package cn.gov.petition.analytics.api;

import cn.gov.petition.analytics.Bulletin;
import cn.gov.petition.analytics.Rate;
import cn.gov.petition.analytics.Rates;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A bulletin as the documents an office sends: a printable page in Chinese (HTML, A4), a workbook
 * (XLSX, one sheet per table) and the child regions' table as CSV. Every document shows the same
 * tables, built once here.
 */
public final class BulletinDocuments {

  private BulletinDocuments() {}

  /** One table of the bulletin: a caption, the column headings and the rows of cells. */
  record Table(String sheet, String caption, List<String> headings, List<List<Object>> rows) {}

  /** The tables, in the order printed. */
  static List<Table> tables(Bulletin b) {
    List<Table> tables = new ArrayList<>();
    tables.add(
        new Table(
            "概况",
            "一、总体情况",
            List.of("项目", "数值"),
            List.of(
                List.of("信访件次", b.volume().count()),
                List.of("人次", b.volume().persons()),
                List.of("上期件次", b.volume().previous()),
                List.of("环比", percentOrDash(b.volume().periodOnPeriod())),
                List.of("去年同期件次", b.volume().lastYear()),
                List.of("同比", percentOrDash(b.volume().yearOnYear())),
                List.of("初信初访件次", b.indicators().firstPetitions()),
                List.of("初信初访占比", percentOrDash(b.indicators().firstShare())),
                List.of("集体访批次", b.indicators().collectiveVisits().batches()),
                List.of("集体访人次", b.indicators().collectiveVisits().persons()),
                List.of("到省访批次", b.indicators().visitsToProvince().batches()),
                List.of("到省访人次", b.indicators().visitsToProvince().persons()),
                List.of("进京访批次", b.indicators().visitsToBeijing().batches()),
                List.of("进京访人次", b.indicators().visitsToBeijing().persons()),
                List.of("越级访批次", b.indicators().escalatedVisits().batches()),
                List.of("越级访人次", b.indicators().escalatedVisits().persons()))));
    List<List<Object>> rateRows = new ArrayList<>();
    for (Rates.Figure f : b.rates()) {
      rateRows.add(
          List.of(
              f.label(),
              percentOrDash(f.value()),
              f.numerator(),
              f.denominator(),
              f.formula(),
              f.formulaVersion()));
    }
    tables.add(
        new Table("考核指标", "二、考核指标", List.of("指标", "数值", "分子", "分母", "口径", "公式版本"), rateRows));
    tables.add(lines("分地区", "三、分地区情况", "地区", "信访件次", b.regions(), Rate.values()));
    tables.add(
        lines(
            "分单位",
            "四、本级单位情况",
            "单位",
            "收件数",
            b.units(),
            new Rate[] {
              Rate.TIMELY_ACCEPTANCE,
              Rate.ON_TIME_REPLY,
              Rate.EVALUATION_PARTICIPATION,
              Rate.SATISFACTION,
              Rate.TIMELY_ASSISTANCE
            }));
    List<List<Object>> kinds = new ArrayList<>();
    b.channels()
        .forEach(
            c ->
                kinds.add(List.of("信访形式", c.name(), c.count(), percentOrDash(c.periodOnPeriod()))));
    b.categories()
        .forEach(
            c ->
                kinds.add(List.of("内容分类", c.name(), c.count(), percentOrDash(c.periodOnPeriod()))));
    tables.add(new Table("分类", "五、分类情况", List.of("维度", "类别", "件次", "环比"), kinds));
    List<List<Object>> warned = new ArrayList<>();
    b.warnings().forEach(w -> warned.add(List.of(w.name(), w.count())));
    tables.add(new Table("预警", "六、预警情况", List.of("预警类别", "条数"), warned));
    Bulletin.Instructions i = b.instructions();
    tables.add(
        new Table(
            "批示件",
            "七、批示件办理情况",
            List.of("项目", "件数"),
            List.of(
                List.of("领导批示件", i.issued()),
                List.of("已报告办理情况", i.answered()),
                List.of("其中逾期报告", i.answeredLate()),
                List.of("未报告", i.outstanding()),
                List.of("其中已逾期", i.overdue()))));
    return tables;
  }

  private static Table lines(
      String sheet,
      String caption,
      String what,
      String countHeading,
      List<Bulletin.Line> lines,
      Rate[] shown) {
    List<String> headings = new ArrayList<>(List.of("代码", what, countHeading));
    for (Rate rate : shown) {
      headings.add(rate.label());
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Bulletin.Line line : lines) {
      List<Object> row = new ArrayList<>(List.of(line.code(), line.name(), line.count()));
      for (Rate rate : shown) {
        row.add(
            line.rates().stream()
                .filter(f -> f.rate() == rate)
                .findFirst()
                .map(f -> percentOrDash(f.value()))
                .orElse("—"));
      }
      rows.add(row);
    }
    return new Table(sheet, caption, headings, rows);
  }

  /** 85.71% for 0.8571; a dash where there is nothing to divide. */
  static String percentOrDash(BigDecimal value) {
    return value == null
        ? "—"
        : value.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).toPlainString()
            + "%";
  }

  // ----------------------------------------------------------------------------------- HTML

  /** A page to print on A4, in Chinese. */
  public static String html(Bulletin b) {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
        .append(escape(b.title()))
        .append("</title><style>")
        .append("@page{size:A4;margin:2.5cm 2cm}")
        .append("body{font-family:'FangSong','仿宋',serif;font-size:12pt;line-height:1.6}")
        .append("h1{font-family:'SimHei','黑体',sans-serif;text-align:center;font-size:18pt}")
        .append("h2{font-family:'SimHei','黑体',sans-serif;font-size:14pt;margin-top:1.2em}")
        .append("p.meta{text-align:center}")
        .append("table{border-collapse:collapse;width:100%;page-break-inside:auto}")
        .append("th,td{border:1px solid #000;padding:2px 6px;text-align:center}")
        .append("tr{page-break-inside:avoid}")
        .append("</style></head><body>\n<h1>")
        .append(escape(b.title()))
        .append("</h1>\n<p class=\"meta\">统计区域：")
        .append(escape(b.regionName()))
        .append("（")
        .append(escape(b.regionCode()))
        .append("）　统计期间：")
        .append(b.from())
        .append(" 至 ")
        .append(b.to())
        .append("　数据截至：")
        .append(b.asOf())
        .append("</p>\n");
    for (Table table : tables(b)) {
      page.append("<h2>").append(escape(table.caption())).append("</h2>\n");
      if (table.rows().isEmpty()) {
        page.append("<p>本期无。</p>\n");
        continue;
      }
      page.append("<table><thead><tr>");
      table.headings().forEach(h -> page.append("<th>").append(escape(h)).append("</th>"));
      page.append("</tr></thead><tbody>\n");
      for (List<Object> row : table.rows()) {
        page.append("<tr>");
        row.forEach(
            cell -> page.append("<td>").append(escape(String.valueOf(cell))).append("</td>"));
        page.append("</tr>\n");
      }
      page.append("</tbody></table>\n");
    }
    page.append("<p>注：及时受理率、按期办结率按应办结日期计入统计期间；参评率、满意率按评价期届满日期计入；" + "公式与口径见各指标的公式版本。</p>\n")
        .append("</body></html>\n");
    return page.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  // ----------------------------------------------------------------------------------- XLSX

  /** A workbook: the title and period on the first sheet, one sheet per table. */
  public static void xlsx(Bulletin b, OutputStream out) throws IOException {
    Workbook workbook = new Workbook(out, "petition-platform", "1.0");
    for (Table table : tables(b)) {
      Worksheet sheet = workbook.newWorksheet(table.sheet());
      int r = 0;
      sheet.value(r, 0, b.title());
      sheet.style(r, 0).bold().fontSize(14).set();
      r++;
      sheet.value(r++, 0, "统计期间：" + b.from() + " 至 " + b.to() + "，数据截至 " + b.asOf());
      sheet.value(r, 0, table.caption());
      sheet.style(r, 0).bold().set();
      r++;
      for (int c = 0; c < table.headings().size(); c++) {
        sheet.value(r, c, table.headings().get(c));
        sheet.style(r, c).bold().fillColor("DDDDDD").set();
        sheet.width(c, c == 1 ? 28 : 14);
      }
      r++;
      for (List<Object> row : table.rows()) {
        for (int c = 0; c < row.size(); c++) {
          Object cell = row.get(c);
          if (cell instanceof Number number) {
            sheet.value(r, c, number);
          } else {
            sheet.value(r, c, String.valueOf(cell));
          }
        }
        r++;
      }
    }
    workbook.finish();
  }

  // ------------------------------------------------------------------------------------ CSV

  /** The child regions' table, for Excel: UTF-8 with a BOM. */
  public static String csv(Bulletin b) {
    Table regions = tables(b).get(2);
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(String.join(",", regions.headings())).append("\r\n");
    for (List<Object> row : regions.rows()) {
      List<String> cells = new ArrayList<>();
      for (Object cell : row) {
        cells.add(quoted(String.valueOf(cell)));
      }
      csv.append(String.join(",", cells)).append("\r\n");
    }
    return csv.toString();
  }

  /** A CSV cell: quoted where it holds a comma, a quote or a line break; null as empty. */
  public static String quoted(String text) {
    if (text == null) {
      return "";
    }
    return text.contains(",") || text.contains("\"") || text.contains("\n")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }
}
