package cn.gov.petition.supervision.api;

import cn.gov.petition.supervision.store.LetterEntity;
import java.time.LocalDate;

/** 函件文书: a letter laid out for printing, in Chinese; every text a person wrote is escaped. */
final class LetterDocument {

  private LetterDocument() {}

  static String render(LetterEntity l, String number, String recipientName, String issuerName) {
    StringBuilder cases = new StringBuilder();
    for (String caseNumber : l.caseNumbers) {
      cases.append("<li>").append(escape(caseNumber)).append("</li>");
    }
    String answer =
        l.answer == null
            ? ""
            : "<h2>书面回复</h2><p>"
                + escape(l.answer)
                + "</p><p class=\"sign\">回复日期："
                + date(l.answeredOn)
                + "</p>";
    return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8"><title>%1$s %2$s</title>
        <style>body{font-family:"FangSong","仿宋",serif;max-width:42em;margin:3em auto;\
        line-height:1.9}h1{text-align:center;color:#c00;letter-spacing:.3em}\
        .number{text-align:center}.sign{text-align:right}.seal{color:#c00}@media print{body{margin:2cm}}</style>
        </head><body>
        <h1>%1$s</h1>
        <p class="number">%2$s</p>
        <p>%3$s：</p>
        <p>经查，你单位办理的下列信访事项存在以下问题：%4$s</p>
        <ol>%5$s</ol>
        <p>请于%6$s前将办理情况书面回复%7$s。</p>
        <p class="sign">%7$s<br>%8$s<br><span class="seal">（印章）</span></p>
        %9$s
        </body></html>
        """
        .formatted(
            escape(l.kind.title()),
            escape(number),
            escape(recipientName),
            escape(l.reason),
            cases,
            date(l.replyDueOn),
            escape(issuerName),
            date(l.issuedOn),
            answer);
  }

  private static String date(LocalDate day) {
    return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
