package org.mbp.run;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of a typed row: a record's components as named columns, in declaration order,
 * as {@link CellStore} keeps them and {@code results.csv} lists them. A component is the column
 * of its name in snake case ({@code minRelativeGap} → {@code min_relative_gap}); a component that
 * is itself a record puts its own columns in its place (a grid point ahead of what was measured
 * there). Values are stored as JSON reads them back: {@code int} and {@code long} as whole
 * numbers, {@code double} as a number with NaN and infinities as null (read back as NaN),
 * {@code boolean}, {@code String}, and enums as their {@link Labelled} word.
 *
 * @param <R> the row type, a record
 */
public final class RowCodec<R extends Record> {

    /** One component: its type, its accessor, and either its column or the codec of its nested record. */
    private record Part(Class<?> type, Method accessor, String column, RowCodec<?> nested) {
    }

    private final Constructor<R> constructor;
    private final List<Part> parts = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();

    private RowCodec(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            if (c.getType().isRecord()) {
                RowCodec<?> nested = of(c.getType().asSubclass(Record.class));
                parts.add(new Part(c.getType(), c.getAccessor(), null, nested));
                columns.addAll(nested.columns);
            } else if (storable(c.getType())) {
                String column = column(c.getName());
                parts.add(new Part(c.getType(), c.getAccessor(), column, null));
                columns.add(column);
            } else {
                throw new IllegalArgumentException(type.getSimpleName() + "." + c.getName() + ": a "
                        + c.getType().getSimpleName() + " cannot be stored in a column");
            }
        }
        if (columns.stream().distinct().count() < columns.size()) {
            throw new IllegalArgumentException(type.getSimpleName() + " names a column twice: " + columns);
        }
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no canonical constructor", e);
        }
        constructor.setAccessible(true);
        parts.forEach(part -> part.accessor().setAccessible(true));
    }

    /**
     * The codec of a row record.
     *
     * @param <R> the result type
     * @param type the type
     * @return the codec of a row record
     */
    public static <R extends Record> RowCodec<R> of(Class<R> type) {
        return new RowCodec<>(type);
    }

    private static boolean storable(Class<?> type) {
        return type == int.class || type == long.class || type == double.class || type == boolean.class
                || type == String.class || type.isEnum();
    }

    /** A component's column: its name in snake case. */
    static String column(String component) {
        StringBuilder s = new StringBuilder();
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) {
                s.append('_').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /**
     * The columns, in order.
     *
     * @return the columns, in order
     */
    public List<String> columns() {
        return List.copyOf(columns);
    }

    /**
     * A row as its stored columns, in order.
     *
     * @param row the row
     * @return a row as its stored columns, in order
     */
    public Map<String, Object> encode(R row) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(row, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private void put(Record row, Map<String, Object> out) {
        for (Part part : parts) {
            Object value = value(part, row);
            if (part.nested() != null) {
                ((RowCodec<Record>) part.nested()).put((Record) value, out);
            } else if (value instanceof Double d) {
                out.put(part.column(), Rows.finiteOrNull(d));
            } else if (value instanceof Enum<?> e) {
                out.put(part.column(), Labelled.of(e));
            } else {
                out.put(part.column(), value);
            }
        }
    }

    private static Object value(Part part, Record row) {
        try {
            return part.accessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + part.accessor().getName() + " of a row", e);
        }
    }

    /**
     * The row stored as {@code stored}.
     *
     * @param stored the stored value
     * @return the row stored as {@code stored}
     * @throws IllegalArgumentException naming the column, when a column is missing or holds a
     *     value of the wrong kind
     */
    public R decode(Map<String, ?> stored) {
        Object[] values = new Object[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.nested() == null && !stored.containsKey(part.column())) {
                throw new IllegalArgumentException("column " + part.column() + " is missing");
            }
            values[i] = part.nested() != null ? part.nested().decode(stored)
                    : read(part.type(), part.column(), stored.get(part.column()));
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new IllegalStateException("cannot make a " + constructor.getDeclaringClass().getSimpleName(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + constructor.getDeclaringClass().getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(Class<?> type, String column, Object value) {
        if (type == double.class && value == null) {
            return Double.NaN;
        }
        if (value == null) {
            throw new IllegalArgumentException("column " + column + " is empty");
        }
        if (type == double.class && value instanceof Number n) {
            return n.doubleValue();
        }
        if (type == int.class && value instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        if (type == long.class && value instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        if (type == boolean.class && value instanceof Boolean) {
            return value;
        }
        if (type == String.class && value instanceof String) {
            return value;
        }
        if (type.isEnum() && value instanceof String word) {
            try {
                return Labelled.parse((Class<Enum>) type, word);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column " + column + ": " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("column " + column + ": '" + value + "' is not " + kind(type));
    }

    private static String kind(Class<?> type) {
        if (type == double.class) {
            return "a number";
        }
        if (type == int.class || type == long.class) {
            return "a whole number";
        }
        return type == boolean.class ? "true or false" : "a word";
    }

    /**
     * The rows as CSV: a header line with the columns, then one line per row.
     *
     * @param rows the number of rows
     * @return the rows as CSV: a header line with the columns, then one line per row
     */
    public String csv(Collection<R> rows) {
        return Rows.csv(columns, rows.stream().map(this::encode).toList());
    }
}
