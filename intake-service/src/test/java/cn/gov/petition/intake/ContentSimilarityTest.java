package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The worked examples of docs/repeat-petitions.md, so the document and the code agree. */
class ContentSimilarityTest {

  private static final String HEATING = "小区供暖长期不达标，多次反映未解决。";

  @Test
  void theSameTextIsOneWhateverThePunctuationAndSpaces() {
    assertEquals(1.0, ContentSimilarity.of(HEATING, "小区供暖 长期不达标 多次反映未解决"));
  }

  @Test
  void theSameComplaintInOtherWordsIsAboveTheThreshold() {
    double similarity = ContentSimilarity.of(HEATING, "小区供暖一直不达标，已经多次反映，至今未解决。");
    // 10 bigrams shared of 15 and 19: 2 × 10 / 34
    assertEquals(20.0 / 34, similarity, 1e-9);
    assertTrue(similarity >= 0.5);
  }

  @Test
  void anotherMatterIsFarBelowIt() {
    assertEquals(0.0, ContentSimilarity.of(HEATING, "单位拖欠工资三个月，劳动监察大队未处理。"));
    assertTrue(ContentSimilarity.of(HEATING, "小区物业乱收停车费，业主多次反映无果。") < 0.5);
  }

  @Test
  void emptyTextIsLikeNothing() {
    assertEquals(0.0, ContentSimilarity.of("，。", HEATING));
  }
}
