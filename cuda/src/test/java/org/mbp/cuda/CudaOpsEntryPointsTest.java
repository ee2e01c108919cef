package org.mbp.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every kernel CudaOps launches is an entry point of the PTX module it is looked up in. */
class CudaOpsEntryPointsTest {

    private static final Pattern ENTRY = Pattern.compile("^\\.visible \\.entry (\\w+)\\(", Pattern.MULTILINE);

    @Test
    void everyEntryPointCudaOpsUsesIsInItsPtx() throws IOException {
        Map<String, List<String>> used = CudaOps.entryPoints();
        assertEquals(Set.of("dense", "images", "jacobi"), used.keySet());
        for (Map.Entry<String, List<String>> module : used.entrySet()) {
            Set<String> entries = entries(module.getKey());
            TreeSet<String> missing = new TreeSet<>(module.getValue());
            missing.removeAll(entries);
            assertTrue(missing.isEmpty(), module.getKey() + ".ptx lacks " + missing);
        }
    }

    @Test
    void everyEntryPointOfTheModulesIsUsed() throws IOException {
        for (Map.Entry<String, List<String>> module : CudaOps.entryPoints().entrySet()) {
            assertEquals(entries(module.getKey()), new TreeSet<>(module.getValue()),
                    module.getKey() + ".ptx has entry points CudaOps never launches");
        }
    }

    @Test
    void entryNamesFollowTheElementTypeSuffixes() {
        assertEquals(List.of("gemm_f32", "gemm_f64"), KernelEntry.GEMM.entryNames());
        assertEquals(List.of("window_argmax_mask_f32", "window_argmax_mask_f64"),
                KernelEntry.WINDOW_ARGMAX_MASK.entryNames());
        assertEquals(List.of("count_partial"), KernelEntry.COUNT_PARTIAL.entryNames());
    }

    private static Set<String> entries(String module) throws IOException {
        String resource = "/org/mbp/cuda/ptx/" + module + ".ptx";
        try (InputStream in = CudaOps.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the class path");
            Matcher m = ENTRY.matcher(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            Set<String> names = new TreeSet<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }
}
