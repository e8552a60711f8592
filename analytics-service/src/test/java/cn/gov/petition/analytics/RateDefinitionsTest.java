package cn.gov.petition.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The rates' definitions as a node applies them, with the name each is published under. */
class RateDefinitionsTest {

  @Test
  void theVariantCountingUnevaluatedAsSatisfiedIsPublishedUnderItsOwnName() {
    Rates.Definition plain =
        new Rates(null, Clock.systemUTC(), false).definition(Rate.SATISFACTION);
    assertEquals("满意率", plain.label());
    assertEquals("satisfaction/v2", plain.version());
    assertTrue(!plain.denominator().contains(Rates.UNEVALUATED), plain.denominator().toString());

    Rates.Definition variant =
        new Rates(null, Clock.systemUTC(), true).definition(Rate.SATISFACTION);
    assertEquals("满意率（超期未评价计为满意）", variant.label());
    assertEquals("satisfaction-counting-unevaluated-as-satisfied/v2", variant.version());
    assertTrue(variant.numerator().contains(Rates.UNEVALUATED), variant.numerator().toString());
    assertTrue(variant.denominator().contains(Rates.UNEVALUATED), variant.denominator().toString());
    // the other rates are the same either way
    assertEquals(
        new Rates(null, Clock.systemUTC(), false).definition(Rate.TIMELY_ACCEPTANCE),
        new Rates(null, Clock.systemUTC(), true).definition(Rate.TIMELY_ACCEPTANCE));
  }
}
