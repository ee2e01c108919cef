package org.mbp.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every kernel of {@code dense.cu} and {@code images.cu} on the CPU emulator, against the
 * independent host loops of {@code cuda/src/test/emulator/kernel_checks.cpp} (exact where the
 * kernel computes entry by entry, relative 1e-6 (float) / 1e-14 (double) for sums whose order the
 * kernel changes; the image kernels exactly, on one image and on a stack of three against
 * {@code HostImageOps}' loops on each image alone; the batched {@code gemm} and {@code outer} of
 * {@link CudaOps#multBlocks} and {@link CudaOps#outerBlocks} on stacks of one and three blocks,
 * each block also bit for bit against a lone launch on it): {@code scripts/emulate-kernels.sh}
 * builds the checks with g++ (once, reused while the sources are unchanged) and runs them, about
 * 12 s plus 10 s for a build on 2 cores. Skipped (assumption) where g++ is not installed.
 */
class DenseAndImageKernelEmulationTest {

    private static final long LIMIT_SECONDS = 300;
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) checks, (\\d+) failures");

    @Test
    void everyDenseAndImageKernelPassesItsEmulatedChecks() throws Exception {
        assumeTrue(KernelEmulator.compilerAvailable(), "g++ is not installed: the dense.cu/images.cu emulation is skipped");
        KernelEmulator.Run run = KernelEmulator.run(List.of("bash", KernelEmulator.SCRIPT, "checks"), LIMIT_SECONDS);
        Matcher summary = SUMMARY.matcher(run.output());
        assertTrue(summary.find(), "no summary line from scripts/emulate-kernels.sh:\n" + run.output());
        assertTrue(Integer.parseInt(summary.group(1)) >= 904, "too few checks ran:\n" + run.output());
        assertEquals("0", summary.group(2), "emulated kernel checks failed:\n" + run.output());
        assertEquals(0, run.status(), "scripts/emulate-kernels.sh failed:\n" + run.output());
    }
}
