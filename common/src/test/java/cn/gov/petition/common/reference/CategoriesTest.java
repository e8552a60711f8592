package cn.gov.petition.common.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CategoriesTest {

  private final Categories table = Categories.table();

  @Test
  void petitionsAreFiledUnderASecondLevelCategoryOnly() {
    assertTrue(table.isFileable("0101"));
    assertFalse(table.isFileable("01"), "a top-level heading is not a category to file under");
    assertFalse(table.isFileable("0199"), "unknown code");
    assertFalse(table.isFileable(null));
  }

  @Test
  void theChinesePathNamesBothLevels() {
    assertEquals("城乡建设/住房保障", table.path("0101"));
    assertEquals("城乡建设", table.path("01"));
    assertEquals("7777", table.path("7777"), "an unknown code is shown as it is");
  }

  @Test
  void everySecondLevelCodeExtendsItsParent() {
    for (Categories.Category category : table.all()) {
      if (category.isTopLevel()) {
        assertEquals(2, category.code().length(), category.code());
      } else {
        assertEquals(4, category.code().length(), category.code());
        assertTrue(category.code().startsWith(category.parent()), category.code());
      }
    }
  }
}
