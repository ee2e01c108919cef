package org.mbp.cuda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameter types of every entry point of a PTX module, read from its text, so that a launch
 * with an argument of the wrong width (an {@code int} where the kernel takes {@code long long})
 * fails with a message instead of reading garbage on the device.
 */
final class PtxSignatures {

    private static final Pattern ENTRY = Pattern.compile("\\.visible\\s+\\.entry\\s+(\\w+)\\s*\\(([^)]*)\\)");
    private static final Pattern PARAM = Pattern.compile("\\.param\\s+\\.(\\w+)");

    private PtxSignatures() {
    }

    /** Entry point → its parameters' PTX types ({@code u64}, {@code b64}, {@code u32}, {@code f32}, ...). */
    static Map<String, List<String>> parse(String ptx) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(ptx);
        while (m.find()) {
            List<String> types = new ArrayList<>();
            Matcher p = PARAM.matcher(m.group(2));
            while (p.find()) {
                types.add(p.group(1));
            }
            entries.put(m.group(1), List.copyOf(types));
        }
        return entries;
    }

    /**
     * Fails unless {@code args} match {@code types} in number and width: a buffer, matrix or Long
     * for a 64-bit integer or pointer, an Integer for a 32-bit integer, Float for f32, Double for f64.
     *
     * @throws IllegalArgumentException naming the kernel, the argument and both types
     */
    static void check(String kernel, List<String> types, Object[] args) {
        if (types.size() != args.length) {
            throw new IllegalArgumentException(kernel + " takes " + types.size() + " arguments, got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            String type = types.get(i);
            Object arg = args[i];
            boolean fits = switch (type) {
                case "u64", "s64", "b64" -> arg instanceof DeviceBuffer || arg instanceof DeviceMatrix
                        || arg instanceof Long;
                case "u32", "s32", "b32" -> arg instanceof Integer;
                case "f32" -> arg instanceof Float;
                case "f64" -> arg instanceof Double;
                default -> false;
            };
            if (!fits) {
                throw new IllegalArgumentException(kernel + ": argument " + i + " is "
                        + (arg == null ? "null" : arg.getClass().getSimpleName()) + ", the kernel takes ." + type);
            }
        }
    }
}
