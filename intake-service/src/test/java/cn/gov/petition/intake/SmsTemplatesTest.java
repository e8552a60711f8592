package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.petition.intake.SmsTemplates.Notice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an office may word as the SMS of a notice, and what it may not: the rules of 政务短信 a
 * carrier's gateway or a province's platform would refuse a message for, checked before a wording
 * is kept.
 */
class SmsTemplatesTest {

  @Test
  void thePlatformsOwnWordingKeepsEveryRuleAndFillsIn() {
    SmsTemplates.defaults("麒麟区信访局")
        .forEach((notice, text) -> assertEquals(List.of(), rules(notice, text), notice.name()));
    String receipt =
        SmsTemplates.fill(
            SmsTemplates.defaults("麒麟区信访局").get(Notice.RECEIPT),
            Map.of("caseNumber", "530302-20261204-00001", "queryCode", "K7Q2M9"));
    assertEquals("【麒麟区信访局】您的信访事项已登记，编号530302-20261204-00001，查询码K7Q2M9，凭此查询办理情况。", receipt);
    assertEquals(1, SmsTemplates.parts(receipt));
  }

  @Test
  void aWordingWithoutSignatureWithALinkOrWithUnknownValuesIsRefusedByRule() {
    assertEquals(List.of("Signature"), rules(Notice.DECLINED, "您的信访事项（编号{caseNumber}）不予受理。"));
    assertEquals(
        List.of("NoLink"), rules(Notice.OPINION, "【麒麟区信访局】事项{caseNumber}已答复，详见 http://t.cn/abc"));
    assertEquals(
        List.of("NoLink"), rules(Notice.OPINION, "【麒麟区信访局】事项{caseNumber}已答复，详见www。xf。gov"));
    assertEquals(List.of("NoLink"), rules(Notice.OPINION, "【麒麟区信访局】事项{caseNumber}详见qlxf.gov.cn"));
    assertEquals(
        List.of("UnknownValue"),
        rules(Notice.ACCEPTED, "【麒麟区信访局】{name}您好，事项{caseNumber}已由{unit}受理。"));
    assertEquals(
        List.of("RequiredValue"), rules(Notice.RECEIPT, "【麒麟区信访局】您的信访事项已登记，编号{caseNumber}。"));
    assertEquals(List.of("NotBlank"), rules(Notice.RECEIPT, " "));
    assertEquals(
        List.of("Size"), rules(Notice.DECLINED, "【麒麟区信访局】事项{caseNumber}" + "不予受理。".repeat(50)));
  }

  @Test
  void aLongMessageTravelsInPartsOf67() {
    assertEquals(1, SmsTemplates.parts("字".repeat(70)));
    assertEquals(2, SmsTemplates.parts("字".repeat(71)));
    assertEquals(2, SmsTemplates.parts("字".repeat(134)));
    assertEquals(3, SmsTemplates.parts("字".repeat(135)));
    assertThrows(
        IllegalArgumentException.class, () -> SmsTemplates.fill("【麒麟区信访局】{caseNumber}", Map.of()));
  }

  private static List<String> rules(Notice notice, String text) {
    return SmsTemplates.check(notice, text).stream().map(SmsTemplates.Violation::rule).toList();
  }
}
