package cn.gov.petition.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * 内容检索: the words of a petition's content, as its word index keeps them and as a search asks for
 * them (ADR 29). Chinese has no spaces between words, so the index keeps every pair of adjacent
 * characters (bigrams, as {@link ContentSimilarity} compares texts): "小区供暖不达标" is kept as 小区, 区供,
 * 供暖, 暖不, 不达, 达标, and a search for "供暖" or "供暖不达标" asks for the pairs of its words. The index finds
 * the cases holding every pair; the node then reads each found content, keeps those where each word
 * stands whole and ranks them ({@link Search#score}).
 *
 * <p>Texts are compared in one canonical form: compatibility-normalised (full-width ３ is 3), lower
 * case, letters and digits only (punctuation and spaces dropped, so "供暖，不达标" holds "供暖不达标").
 */
public final class ContentWords {

  /** The fewest characters a searched word may have: a single character is every second case. */
  public static final int SHORTEST = 2;

  /** The most words one search may give. */
  public static final int MOST = 8;

  private ContentWords() {}

  /**
   * The punctuation of Chinese writing that compatibility normalisation leaves as punctuation (or
   * makes ASCII punctuation): dropped as any punctuation is.
   */
  static final String PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～　";

  /** The text in canonical form. */
  public static String canonical(String text) {
    // the common case, in one pass: ideographs (U+4E00 to U+9FFF, which normalisation leaves as
    // they are), ASCII and the usual punctuation; a search opens thousands of contents
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u4e00' && c <= '\u9fff') {
        if (Character.isLetter(c)) { // the block's last code points are not assigned
          out.append(c);
        }
      } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        out.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        out.append((char) (c + ('a' - 'A')));
      } else if (c >= 128 && PUNCTUATION.indexOf(c) < 0) {
        return normalised(text); // any other character: full-width, compatibility forms ...
      }
    }
    return out.toString();
  }

  /** The canonical form by compatibility normalisation, for any text. */
  static String normalised(String text) {
    StringBuilder out = new StringBuilder(text.length());
    Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /** Every pair of adjacent characters of the text's canonical form, each once. */
  public static Set<String> pairs(String text) {
    return pairsOf(canonical(text));
  }

  private static Set<String> pairsOf(String canonical) {
    int[] chars = canonical.codePoints().toArray();
    Set<String> pairs = new LinkedHashSet<>();
    for (int i = 0; i + 1 < chars.length; i++) {
      pairs.add(new String(chars, i, 2));
    }
    return pairs;
  }

  /**
   * What a search asks: words separated by spaces (half or full width), each found whole in the
   * content, all of them in each case found.
   *
   * @param words each in canonical form, at least {@link #SHORTEST} characters
   */
  public record Search(List<String> words) {

    /**
     * The words of a query as typed, in canonical form; quotes and punctuation between the spaces
     * are dropped. A word that keeps fewer than {@link #SHORTEST} characters is left in as it is,
     * for {@link #tooShort} to name.
     */
    public static Search of(String query) {
      List<String> words = new ArrayList<>();
      for (String piece : query.strip().split("[\\s\\u3000]+")) {
        String word = canonical(piece);
        if (!word.isEmpty() && !words.contains(word)) {
          words.add(word);
        }
      }
      return new Search(List.copyOf(words));
    }

    /** The first word too short to search for, or null. */
    public String tooShort() {
      return words.stream()
          .filter(w -> w.codePointCount(0, w.length()) < SHORTEST)
          .findFirst()
          .orElse(null);
    }

    /**
     * The pairs the index is asked for, which every case found must hold: of each word its first,
     * middle and last pair. The node checks each word whole in every content found ({@link
     * #score}), so the pairs between narrow the candidates little and cost the index a posting list
     * each (a phrase of eight characters: 58 ms for its seven pairs, ADR 29).
     */
    public Set<String> pairs() {
      Set<String> asked = new LinkedHashSet<>();
      for (String word : words) {
        List<String> all = List.copyOf(pairsOf(word));
        if (all.isEmpty()) {
          continue; // a word too short: refused before a search (tooShort)
        }
        asked.add(all.get(0));
        asked.add(all.get(all.size() / 2));
        asked.add(all.get(all.size() - 1));
      }
      return asked;
    }

    /**
     * How well the content answers: each word's occurrences, weighted by its length (a long phrase
     * found says more than a common pair), summed; 0 if a word does not stand whole in it (the
     * index's pairs were all there, but apart).
     */
    public int score(String content) {
      String text = canonical(content);
      int score = 0;
      for (String word : words) {
        int at = text.indexOf(word);
        if (at < 0) {
          return 0;
        }
        for (; at >= 0; at = text.indexOf(word, at + word.length())) {
          score += word.codePointCount(0, word.length());
        }
      }
      return score;
    }
  }
}
