package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canonical form of a text, as the word index and a search read it. */
class ContentWordsTest {

  @Test
  void theOnePassFormIsTheNormalisedFormOfEveryCharacterItTakes() {
    StringBuilder taken = new StringBuilder();
    for (char c = '\u4e00'; c <= '\u9fff'; c++) {
      taken.append(c);
    }
    for (char c = 0; c < 128; c++) {
      taken.append(c);
    }
    taken.append(ContentWords.PUNCTUATION);
    for (int i = 0; i < taken.length(); i++) {
      String one = "麒麟" + taken.charAt(i) + "A区";
      assertEquals(ContentWords.normalised(one), ContentWords.canonical(one), one);
    }
    assertEquals(
        ContentWords.normalised(taken.toString()), ContentWords.canonical(taken.toString()));
  }

  @Test
  void otherCharactersAreNormalised() {
    assertEquals("3号楼供暖", ContentWords.canonical("３号楼，供暖！"));
    assertEquals("abc1供暖", ContentWords.canonical("ＡＢＣ①供暖"));
    assertEquals("供暖不达标", ContentWords.canonical("“供暖”　不达标。"));
  }

  @Test
  void theIndexIsAskedForTheFirstMiddleAndLastPairOfEachWord() {
    assertEquals(Set.of("征地", "偿款", "发放"), ContentWords.Search.of("征地补偿款未发放").pairs());
    assertEquals(Set.of("拖欠", "工资"), ContentWords.Search.of("拖欠 工资").pairs());
    assertEquals(Set.of("供暖", "不达", "达标"), ContentWords.Search.of("供暖不达标").pairs());
    assertEquals(List.of("供暖不达标"), ContentWords.Search.of("供暖不达标").words());
  }
}
