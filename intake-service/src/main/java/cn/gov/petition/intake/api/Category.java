package cn.gov.petition.intake.api;

import cn.gov.petition.common.reference.Categories;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A second-level code of the content category table (内容分类). */
@Documented
@Constraint(validatedBy = Category.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Category {
  String message() default "must be a second-level code of the category table (GET /categories)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<Category, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || Categories.table().isFileable(value);
    }
  }
}
