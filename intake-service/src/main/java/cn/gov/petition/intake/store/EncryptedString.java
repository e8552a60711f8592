package cn.gov.petition.intake.store;

import cn.gov.petition.common.crypto.FieldCipher;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a personal-data column encrypted ({@link FieldCipher}); reads it back in plain. */
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

  @Override
  public String convertToDatabaseColumn(String plain) {
    return plain == null ? null : FieldCipher.instance().encrypt(plain);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return stored == null ? null : FieldCipher.instance().decrypt(stored);
  }
}
