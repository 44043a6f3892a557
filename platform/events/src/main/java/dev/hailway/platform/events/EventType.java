package dev.hailway.platform.events;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * The name and schema version an event travels under.
 *
 * <p>Convention, so that contract modules stay plain records without Spring or platform imports: the name is
 * the record's simple class name ({@code AccountRegistered}); the version is 1 unless the record declares
 * {@code public static final int VERSION = n;}. Bump {@code VERSION} on an incompatible payload change and
 * keep consumers reading both versions until every producer has moved on.
 */
public record EventType(String name, int version) {

    public EventType {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("event type name must not be blank");
        }
        if (version < 1) {
            throw new IllegalArgumentException("event version must be at least 1, was " + version);
        }
    }

    public static EventType of(Class<?> eventClass) {
        return new EventType(eventClass.getSimpleName(), versionOf(eventClass));
    }

    private static int versionOf(Class<?> eventClass) {
        try {
            Field field = eventClass.getDeclaredField("VERSION");
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && field.getType() == int.class) {
                field.setAccessible(true);
                return field.getInt(null);
            }
            return 1;
        } catch (NoSuchFieldException e) {
            return 1;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + eventClass.getName() + ".VERSION", e);
        }
    }
}
