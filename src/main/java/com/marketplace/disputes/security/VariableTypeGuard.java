package com.marketplace.disputes.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Refuses to store an {@code Object} variable whose type the engine would refuse to build.
 *
 * <p>With {@code deserializationTypeValidationEnabled} (application.yaml) the engine builds an
 * Object variable only from the allowed types when it is read; a variable of another type (a
 * party's {@code java.net.InetAddress}, say) fails then. But the engine stores a serialized Object
 * value as it was sent, type name and all, without looking at it, and the engine REST API checks
 * the type only for multipart uploads. This serializer is asked first about every Object value
 * about to be written, from any route (the engine REST API, the webapps' API, Java), and refuses
 * (400 on the REST APIs) one that names a type outside the allowed list. It never stores a value
 * itself. The type is checked by its name, before any class is loaded.
 */
@Component
public class VariableTypeGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers();
    if (serializers == null) {
      serializers = new ArrayList<>();
      configuration.setCustomPreVariableSerializers(serializers);
    }
    serializers.add(0, new Serializer());
  }

  /** Null when the engine would build every type the name mentions, else the first it refuses. */
  static String refusedType(String typeName, DeserializationTypeValidator validator) {
    if (typeName == null) {
      return null;
    }
    for (String part : typeName.split("[<>,?\\s]+")) {
      String name = part.replace("[]", "");
      if (name.isEmpty() || name.equals("extends") || name.equals("super")) {
        continue;
      }
      if (!validator.validate(name)) {
        return name;
      }
    }
    return null;
  }

  static final class Serializer implements TypedValueSerializer<TypedValue> {

    @Override
    public String getName() {
      return "disputes-variable-type-guard";
    }

    @Override
    public ValueType getType() {
      return ValueType.OBJECT;
    }

    @Override
    public boolean canHandle(TypedValue value) {
      if (!(value instanceof ObjectValue object)) {
        return false;
      }
      ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
      if (configuration == null || !configuration.isDeserializationTypeValidationEnabled()) {
        return false;
      }
      String typeName = object.isDeserialized() && object.getValue() != null
          ? object.getValue().getClass().getName()
          : object.getObjectTypeName();
      String refused = refusedType(typeName, configuration.getDeserializationTypeValidator());
      if (refused != null) {
        throw new BadUserRequestException("Object variables of type " + refused
            + " are not accepted.");
      }
      return false;
    }

    @Override
    public void writeValue(TypedValue value, ValueFields valueFields) {
      throw new UnsupportedOperationException("never chosen: canHandle is always false");
    }

    @Override
    public TypedValue readValue(ValueFields valueFields, boolean deserializeValue,
        boolean isTransient) {
      throw new UnsupportedOperationException("never chosen: canHandle is always false");
    }

    @Override
    public TypedValue convertToTypedValue(UntypedValueImpl untypedValue) {
      throw new UnsupportedOperationException("never chosen: canHandle is always false");
    }

    @Override
    public String getSerializationDataformat() {
      return null;
    }

    @Override
    public boolean isMutableValue(TypedValue typedValue) {
      return false;
    }
  }
}
