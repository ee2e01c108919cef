package org.mbp.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kernel parameter types read from the committed PTX, and the launch-argument check built on them. */
class PtxSignaturesTest {

    private static Map<String, List<String>> module(String name) throws IOException {
        try (InputStream in = PtxSignaturesTest.class.getResourceAsStream("/org/mbp/cuda/ptx/" + name + ".ptx")) {
            return PtxSignatures.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void signaturesFollowTheKernelDeclarations() throws IOException {
        Map<String, List<String>> dense = module("dense");
        // a, b, c, then m, n, k, transA, transB, count
        assertEquals(List.of("u64", "u64", "u64", "u32", "u32", "u32", "u32", "u32", "u32"), dense.get("gemm_f32"));
        // v, w, out, then n, k, op, count
        assertEquals(List.of("u64", "u64", "u64", "u32", "u32", "u32", "u32"), dense.get("outer_f64"));
        assertEquals(List.of("u64", "u64", "f32"), dense.get("fill_f32"));
        Map<String, List<String>> images = module("images");
        // x, out, then count, height, width, channels, kernel, padding, outHeight, outWidth
        assertEquals(List.of("u64", "u64", "u32", "u32", "u32", "u32", "u32", "u32", "u32", "u32"),
                images.get("patches_f32"));
        // x, out, then count, height, width, channels, kh, kw
        assertEquals(List.of("u64", "u64", "u32", "u32", "u32", "u32", "u32", "u32"), images.get("window_argmax_mask_f64"));
        Map<String, List<String>> jacobi = module("jacobi");
        assertEquals(List.of("u64", "u64", "u64", "u64", "u64", "u32", "u32", "u32"), jacobi.get("jacobi_eig_f64"));
        assertEquals(10, jacobi.get("jacobi_svd_f64").size());
        for (Map.Entry<String, List<String>> e : CudaOps.entryPoints().entrySet()) {
            Map<String, List<String>> parsed = module(e.getKey());
            for (String entry : e.getValue()) {
                assertTrue(parsed.containsKey(entry) && !parsed.get(entry).isEmpty(), e.getKey() + "." + entry);
            }
        }
    }

    @Test
    void launchArgumentsMustMatchInCountAndWidth() {
        List<String> types = List.of("u64", "u32", "f64", "f32");
        PtxSignatures.check("k", types, new Object[] {5L, 3, 1.0, 2.0f});
        IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class,
                () -> PtxSignatures.check("dense.fill_f64", types, new Object[] {5, 3, 1.0, 2.0f}));
        assertEquals("dense.fill_f64: argument 0 is Integer, the kernel takes .u64", narrow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PtxSignatures.check("k", types, new Object[] {5L, 3L, 1.0, 2.0f}));
        assertThrows(IllegalArgumentException.class, () -> PtxSignatures.check("k", types, new Object[] {5L, 3, 1.0f, 2.0f}));
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> PtxSignatures.check("k", types, new Object[] {5L, 3}));
        assertEquals("k takes 4 arguments, got 2", count.getMessage());
    }
}
