package cn.gov.petition.common.openapi;

import java.util.ArrayList;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Says of every operation whether it needs a token. Quarkus documents the security of each
 * operation that requires a role or a signed-in user; an operation it leaves without is public (the
 * petitioner's query, the API documents, the demo issuer), and the document says so with an empty
 * requirement ({@code security: []}), so that a reader or a linter can tell a public operation from
 * a forgotten one. Named in {@code mp.openapi.filter}.
 */
public class PublicOperations implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(
            item -> {
              for (Operation operation : item.getOperations().values()) {
                if (operation.getSecurity() == null) {
                  operation.setSecurity(new ArrayList<>());
                }
              }
            });
  }
}
