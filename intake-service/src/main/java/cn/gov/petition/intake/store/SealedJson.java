package cn.gov.petition.intake.store;

import cn.gov.petition.common.crypto.FieldCipher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a transition's details (the text of a notice or opinion, reasons, whom it names) as JSON
 * sealed like any personal-data column ({@link FieldCipher}); reads back the map. Details written
 * before they were sealed are plain JSON, read as they are.
 */
@Converter
public class SealedJson implements AttributeConverter<Map<String, Object>, String> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  @Override
  public String convertToDatabaseColumn(Map<String, Object> details) {
    try {
      return FieldCipher.instance()
          .encrypt(JSON.writeValueAsString(details == null ? Map.of() : details));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a transition's details cannot be written as JSON", e);
    }
  }

  @Override
  public Map<String, Object> convertToEntityAttribute(String stored) {
    if (stored == null) {
      return new LinkedHashMap<>();
    }
    try {
      return JSON.readValue(FieldCipher.instance().decrypt(stored), MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a transition's details are not JSON", e);
    }
  }
}
