package cn.gov.petition.testing.plan.bad.misc;

/** Misplaced: a package that is not part of the plan. */
public class Stray {}
