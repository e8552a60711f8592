package cn.gov.petition.testing.plan.bad.events;

public class Listener {
  public static void hear() {}
}
