package cn.gov.petition.intake.api;

import cn.gov.petition.common.reference.DivisionTable;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/**
 * A division code (行政区划代码) that exists in the national table, of one of the allowed lengths (2
 * province, 4 city, 6 county, 9 township). Null is valid; add {@code @NotNull} where required.
 */
@Documented
@Constraint(validatedBy = DivisionCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DivisionCode {
  String message() default "must be a division code of the national table";

  /** The allowed code lengths. */
  int[] lengths() default {2, 4, 6, 9};

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<DivisionCode, String> {
    private int[] lengths;

    @Override
    public void initialize(DivisionCode annotation) {
      lengths = annotation.lengths();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      String problem = null;
      if (!value.matches("\\d+") || Arrays.stream(lengths).noneMatch(l -> l == value.length())) {
        problem =
            "must be a division code of "
                + Arrays.stream(lengths)
                    .mapToObj(String::valueOf)
                    .reduce((a, b) -> a + " or " + b)
                    .orElse("")
                + " digits";
      } else if (!DivisionTable.national().exists(value)) {
        problem = "is not in the national division table (GET /divisions on routing)";
      }
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
      return false;
    }
  }
}
