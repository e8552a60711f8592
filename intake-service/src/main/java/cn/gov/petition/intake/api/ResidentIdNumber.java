package cn.gov.petition.intake.api;

import cn.gov.petition.common.time.Clocks;
import cn.gov.petition.intake.ResidentIdNumbers;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** A Chinese resident ID number (公民身份号码, GB 11643): format, birth date and check digit. */
@Documented
@Constraint(validatedBy = ResidentIdNumber.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface ResidentIdNumber {
  String message() default "is not a valid resident ID number";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Null is valid: whether an ID number is required depends on the channel. */
  class Validator implements ConstraintValidator<ResidentIdNumber, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      String problem = ResidentIdNumbers.problem(value, LocalDate.now(Clocks.CHINA));
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
      return false;
    }
  }
}
