package cn.gov.petition.gateway.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 统一端口: forwards {@code /api/<service>/<path>} to the service, with the caller's token. The
 * services check role and region again (defence in depth), so a call that bypasses the gateway gets
 * no more than one through it.
 */
@Path("/api/{service}")
@Authenticated
@Tag(name = "统一端口 / Single entry")
public class ProxyResource {

  private final Forwarder forwarder;

  public ProxyResource(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @GET
  @Path("{path: .*}")
  @Operation(summary = "转发 GET / Forward a read to a service")
  public Uni<Response> get(
      @PathParam("service") String service,
      @PathParam("path") String path,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return forwarder.forward(HttpMethod.GET, service, path, uri, headers, null);
  }

  @POST
  @Path("{path: .*}")
  @Operation(summary = "转发 POST / Forward a change to a service")
  public Uni<Response> post(
      @PathParam("service") String service,
      @PathParam("path") String path,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      byte[] body) {
    return forwarder.forward(HttpMethod.POST, service, path, uri, headers, body);
  }

  @PUT
  @Path("{path: .*}")
  @Operation(summary = "转发 PUT / Forward a change to a service")
  public Uni<Response> put(
      @PathParam("service") String service,
      @PathParam("path") String path,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      byte[] body) {
    return forwarder.forward(HttpMethod.PUT, service, path, uri, headers, body);
  }

  @DELETE
  @Path("{path: .*}")
  @Operation(summary = "转发 DELETE / Forward a removal to a service")
  public Uni<Response> delete(
      @PathParam("service") String service,
      @PathParam("path") String path,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return forwarder.forward(HttpMethod.DELETE, service, path, uri, headers, null);
  }
}
