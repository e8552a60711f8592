package cn.gov.petition.common.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {

  private final Units units = Units.national();

  /** Issue 31, item 9: a document names its office in words, never by code. */
  @Test
  void aUnitIsNamedInWordsAndAnUnknownOneByItsRegionNeverByItsCode() {
    assertEquals("麒麟区住房和城乡建设局", units.nameInWords("530302:zjj"));
    assertEquals("曲靖市信访局", units.nameInWords("5303:xfj"));
    assertEquals("麒麟区有关单位", units.nameInWords("530302:abcd"));
    assertEquals("有关单位", units.nameInWords("999999:zjj"));
    assertEquals("有关单位", units.nameInWords("not a code"));
    assertEquals("有关单位", units.nameInWords(null));
  }
}
