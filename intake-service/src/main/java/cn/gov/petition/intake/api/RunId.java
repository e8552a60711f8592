package cn.gov.petition.intake.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The {id} of a retention run in a path: a UUID, refused with 400 before any lookup otherwise. */
@Documented
@Pattern(regexp = CaseId.UUID)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RunId {
  String message() default "must be an retention run's id (UUID)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
