package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.intake.api.HandlingResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The acts offered to the pages ({@link HandlingAct}) are the handling endpoints, each with the
 * roles its endpoint allows: what the pages offer a role is what the API would take from it.
 */
class HandlingActsTest {

  @Test
  void everyHandlingEndpointIsAnActWithTheRolesItAllows() {
    Map<String, Set<String>> endpoints = new TreeMap<>();
    for (var method : HandlingResource.class.getDeclaredMethods()) {
      if (method.isAnnotationPresent(POST.class)) {
        endpoints.put(
            method.getAnnotation(Path.class).value().substring(1),
            new TreeSet<>(Arrays.asList(method.getAnnotation(RolesAllowed.class).value())));
      }
    }
    Map<String, Set<String>> acts =
        Arrays.stream(HandlingAct.values())
            .collect(
                Collectors.toMap(
                    HandlingAct::path, a -> new TreeSet<>(a.roles()), (a, b) -> a, TreeMap::new));
    assertEquals(21, endpoints.size(), endpoints.keySet().toString());
    assertEquals(endpoints, acts);
  }
}
