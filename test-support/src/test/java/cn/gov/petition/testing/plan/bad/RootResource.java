package cn.gov.petition.testing.plan.bad;

import jakarta.ws.rs.Path;

/** Misplaced: a resource outside api. */
@Path("/root")
public class RootResource {}
