package cn.gov.petition.common.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 31, item 4: each way a clerk at 南宁街道 (麒麟区, 曲靖市) might write the accused unit, and the unit
 * it names; words that name no unit name none.
 */
class UnitNamesTest {

  private static final String MATTER = "530302001";

  private final UnitNames names = UnitNames.national();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "麒麟区人力资源和社会保障局, 530302:rsj",
    "麒麟区人社局, 530302:rsj",
    "麒麟人社局, 530302:rsj",
    "麒麟区 人社局, 530302:rsj",
    "区人社局, 530302:rsj",
    "人社局, 530302:rsj",
    "麒麟区劳动局, 530302:rsj",
    "曲靖市人社局, 5303:rsj",
    "市人社局, 5303:rsj",
    "云南省人力资源和社会保障厅, 53:rsj",
    "省人社厅, 53:rsj",
    "南宁街道办事处, 530302001:zf",
    "南宁街道, 530302001:zf",
    "街道办, 530302001:zf",
    "建宁街道办事处, 530302002:zf",
    "东山镇政府, 530302103:zf",
    "麒麟区人民政府, 530302:zf",
    "区政府, 530302:zf",
    "中共麒麟区纪律检查委员会, 530302:jw",
    "区纪委, 530302:jw",
    "中共麒麟区委政法委, 530302:zfw",
    "麒麟区国土局, 530302:zrzy",
    "麒麟区环保局, 530302:sthj",
    "派出所, 530302:gaj",
    "曲靖市中级人民法院, 5303:fy",
  })
  void aUnitWrittenAsClerksWriteItIsFound(String words, String unit) {
    assertEquals(Optional.of(unit), names.unitOf(words, MATTER));
  }

  @ParameterizedTest(name = "{0} names no unit")
  @CsvSource({"某某房地产开发有限公司", "麒麟区太空局", "南宁街道人社局", "李四", "''"})
  void wordsThatNameNoUnitNameNone(String words) {
    assertEquals(Optional.empty(), names.unitOf(words, MATTER));
  }
}
