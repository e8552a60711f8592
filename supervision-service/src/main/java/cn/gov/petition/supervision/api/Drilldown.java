package cn.gov.petition.supervision.api;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.security.Caller;

/** The region a dashboard answers for, and the length of its children's codes. */
final class Drilldown {

  private Drilldown() {}

  /** The region asked for, by default the root of the caller's subtree; 403 outside it. */
  static String root(Caller caller, String region) {
    String root = region == null ? caller.subtree() : region;
    if (!caller.covers(root)) {
      throw ProblemException.forbidden("区域 " + root + " 不在您的辖区内 / outside your subtree");
    }
    return root;
  }

  /** The length of the child regions' codes (a township's children are its units only). */
  static int childLength(String root) {
    return switch (Division.Level.ofCode(root)) {
      case PROVINCE -> 4;
      case CITY -> 6;
      case COUNTY, TOWNSHIP -> 9;
    };
  }
}
