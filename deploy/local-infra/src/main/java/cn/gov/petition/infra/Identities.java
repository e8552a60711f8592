package cn.gov.petition.infra;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Made-up but well-formed personal data for demo petitions, tests and benchmarks: resident ID
 * numbers that pass GB 11643 and mobile numbers, distinct for every serial, so that generated
 * petitioners are not taken for one person petitioning again. Computed here independently of the
 * service's own validation, so that a test fixture does not borrow the code it tests.
 */
public final class Identities {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 400_000));

  private Identities() {}

  /** A fresh serial for this JVM, starting at a random point so reruns on one database differ. */
  public static int nextSerial() {
    return NEXT.incrementAndGet();
  }

  /**
   * A resident ID number registered in the county, born on a day derived from the serial, with a
   * sequence number from the serial: distinct for 1,000 × 36,500 serials.
   */
  public static String residentId(String county, int serial) {
    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays((serial / 1000) % 36_500);
    String first17 =
        county + birth.toString().replace("-", "") + String.format("%03d", serial % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK.charAt(sum % 11);
  }

  /** A mainland mobile number, distinct for 100 million serials. */
  public static String mobile(int serial) {
    return "139" + String.format("%08d", Math.floorMod(serial, 100_000_000));
  }
}
