package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.security.VerifiedTokens;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The service checks a caller's token with common's {@link VerifiedTokens} (ADR 44), and a token
 * altered after signing is refused even once the same token, unaltered, has been taken.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class TokenCheckTest {

  @Inject JWTParser parser;

  @Test
  void tokensAreCheckedOnceAndAnAlteredOneIsRefused() {
    assertTrue(parser instanceof VerifiedTokens, "the service's parser is " + parser.getClass());
    String token = TestTokens.qilinRegistrar();
    given().auth().oauth2(token).when().get("/queue").then().statusCode(200);
    given().auth().oauth2(token).when().get("/queue").then().statusCode(200);
    // the same claims with another unit, the signature left as it was
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8)
            .replace("530302:xfj", "530303:xfj");
    String altered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(UTF_8))
            + "."
            + parts[2];
    given().auth().oauth2(altered).when().get("/queue").then().statusCode(401);
  }
}
