package com.marketplace.disputes.kernel;

import com.marketplace.disputes.kernel.InvalidRequestException.FieldError;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Domain codes are enums in the code and their names on the wire (variables, forms, REST, the
 * contract). These convert at the edge.
 */
public final class Codes {

  private Codes() {}

  /** The code named {@code value} among {@code allowed}; empty for a missing or unknown name. */
  public static <E extends Enum<E>> Optional<E> find(Collection<E> allowed, Object value) {
    String name = Text.trimmed(value);
    return allowed.stream().filter(code -> code.name().equals(name)).findFirst();
  }

  /** The code named {@code value}; a bad name is refused with 400 naming the field. */
  public static <E extends Enum<E>> E parse(Class<E> type, Object value, String field,
      String what) {
    return find(EnumSet.allOf(type), value).orElseThrow(() -> InvalidRequestException.of(what,
        field, "must be one of " + names(EnumSet.allOf(type))));
  }

  /**
   * The code named {@code value} among {@code allowed}, or null: a missing value (when
   * {@code required}) or an unknown name adds its error for {@code field} to {@code errors}, so
   * that every bad field of a request is reported at once.
   */
  public static <E extends Enum<E>> E check(Object value, String field, Collection<E> allowed,
      boolean required, List<FieldError> errors) {
    if (Text.trimmed(value) == null) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return null;
    }
    E code = find(allowed, value).orElse(null);
    if (code == null) {
      errors.add(new FieldError(field, "must be one of " + names(allowed)));
    }
    return code;
  }

  /** Nullable {@code code}'s name, for a variable or a row. */
  public static String name(Enum<?> code) {
    return code == null ? null : code.name();
  }

  /** The names, sorted, for a message that lists what is allowed. */
  public static String names(Collection<? extends Enum<?>> codes) {
    return String.join(", ", codes.stream().map(Enum::name).sorted().toList());
  }
}
