package cn.gov.petition.testing.plan.bad.api;

public record Request(String name) {}
