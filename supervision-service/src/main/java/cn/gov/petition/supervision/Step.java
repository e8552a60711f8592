package cn.gov.petition.supervision;

/** A step of the procedure that has a statutory deadline (issue 5 adds the others). */
public enum Step {
  /** 受理告知: accept or decline a forwarded or assigned matter, 15 days (Art 23(3)). */
  ACCEPT
}
