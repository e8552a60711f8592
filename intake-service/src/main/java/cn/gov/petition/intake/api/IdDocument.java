package cn.gov.petition.intake.api;

import cn.gov.petition.common.time.Clocks;
import cn.gov.petition.intake.IdType;
import cn.gov.petition.intake.PartyKind;
import cn.gov.petition.intake.api.RegisterPetitionRequest.PetitionerInput;
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

/**
 * A petitioner's ID document: a number needs its type and meets that type's rule (GB 11643 for the
 * resident ID, GB 32100 for the credit code); organisations show a credit code, persons do not.
 */
@Documented
@Constraint(validatedBy = IdDocument.Validator.class)
@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IdDocument {
  String message() default "is not a valid ID document";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<IdDocument, PetitionerInput> {
    @Override
    public boolean isValid(PetitionerInput value, ConstraintValidatorContext context) {
      if (value == null || (value.idType() == null && value.idNumber() == null)) {
        return true;
      }
      String field = "idNumber";
      IdType type = value.idTypeOrDefault();
      String problem;
      if (value.idNumber() == null) {
        problem = "is required with an ID type";
      } else if (type.forOrganisations() != (value.kindOrDefault() == PartyKind.ORGANISATION)) {
        field = "idType";
        problem =
            type == IdType.CREDIT_CODE
                ? "CREDIT_CODE identifies organisations, not persons"
                : "an organisation is identified by its CREDIT_CODE";
      } else {
        problem = type.problem(value.idNumber(), LocalDate.now(Clocks.CHINA));
      }
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(problem)
          .addPropertyNode(field)
          .addConstraintViolation();
      return false;
    }
  }
}
