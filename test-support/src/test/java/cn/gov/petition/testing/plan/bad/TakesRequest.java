package cn.gov.petition.testing.plan.bad;

import cn.gov.petition.testing.plan.bad.api.Request;

/** Misplaced: the domain takes an api record. */
public class TakesRequest {
  String name(Request request) {
    return request.name();
  }
}
