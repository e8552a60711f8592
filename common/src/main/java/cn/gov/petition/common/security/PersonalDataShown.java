package cn.gov.petition.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * 个人信息查看: whether the answer to this request shows personal data unmasked (a petitioner's name, ID
 * number, phone or address, an accusation's text or accused). A service marks it where it decides
 * to show them; the answer then carries the {@value #HEADER} header, from which the gateway records
 * the view in its audit trail and which it does not pass on to the caller.
 */
@RequestScoped
public class PersonalDataShown {

  /** Response header naming an answer that shows personal data unmasked. */
  public static final String HEADER = "Petition-Personal-Data";

  /** The header's one value. */
  public static final String SHOWN = "shown";

  private boolean shown;

  /** This answer shows personal data unmasked. */
  public void mark() {
    shown = true;
  }

  public boolean isShown() {
    return shown;
  }

  /** Adds the header to an answer that shows personal data. */
  public static class Filter {

    @Inject PersonalDataShown personalData;

    @ServerResponseFilter
    public void mark(ContainerResponseContext response) {
      if (personalData.isShown()) {
        response.getHeaders().putSingle(HEADER, SHOWN);
      }
    }
  }
}
