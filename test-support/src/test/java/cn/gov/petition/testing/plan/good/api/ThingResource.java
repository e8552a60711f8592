package cn.gov.petition.testing.plan.good.api;

import cn.gov.petition.testing.plan.good.Thing;
import jakarta.ws.rs.Path;

/** A resource in api that maps its request to the domain. */
@Path("/things")
public class ThingResource {
  public record ThingRequest(String name) {
    Thing thing() {
      return new Thing(name);
    }
  }
}
