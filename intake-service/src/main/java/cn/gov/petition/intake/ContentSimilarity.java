package cn.gov.petition.intake;

import java.util.HashSet;
import java.util.Set;

/**
 * How alike two petitions' texts are, from 0 (nothing in common) to 1 (the same words): the Dice
 * coefficient of their sets of character bigrams, after dropping punctuation, spaces and case.
 * Chinese has no spaces between words, and two-character sequences carry most of its meaning, so
 * bigrams compare well without a word segmenter: "小区供暖不达标" and "供暖一直不达标，小区无人管" share 供暖, 达标, 小区 ...
 * while a text about wages shares almost nothing with either. docs/repeat-petitions.md shows worked
 * examples and the threshold.
 */
public final class ContentSimilarity {

  private ContentSimilarity() {}

  public static double of(String a, String b) {
    Set<String> first = bigrams(a);
    Set<String> second = bigrams(b);
    if (first.isEmpty() || second.isEmpty()) {
      return 0;
    }
    Set<String> shared = new HashSet<>(first);
    shared.retainAll(second);
    return 2.0 * shared.size() / (first.size() + second.size());
  }

  static Set<String> bigrams(String text) {
    int[] chars =
        text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).toArray();
    Set<String> grams = new HashSet<>();
    if (chars.length == 1) {
      grams.add(new String(chars, 0, 1));
    }
    for (int i = 0; i + 1 < chars.length; i++) {
      grams.add(new String(chars, i, 2));
    }
    return grams;
  }
}
