package org.mbp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mbp.devicecheck.DeviceCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mbp device-check}: the GPU machine's check ({@code scripts/device-check.sh} runs it from its kit). */
@Command(name = "device-check", header = "Checks the GPU backend against the CPU and times it against PyTorch.",
        sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Checks every MatrixOps/ImageOps kernel of the GPU backend against the CPU backend, the batched Jacobi"
                + " EIG/SVD kernels against their Java reference, every structured layer's gradient on the GPU"
                + " against the high-precision reference, and one training step of each §7 network on the GPU"
                + " against the CPU; then times the batched EIG/SVD (against PyTorch's, given --torch) and a"
                + " DeepO2P-FC epoch of random 28×28 images on the GPU and on the CPU.",
            "Writes device-check.json and device-check.md into --out after every section and prints the table"
                + " last. Without a GPU it times the CPU epoch alone and reports the GPU as pending.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed", "1:a kernel, a layer or a section of the check failed", "2:bad option"})
final class DeviceCheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder")
    private Path out;

    @Option(names = "--torch", paramLabel = "FILE", description = "PyTorch's batched eigh/svd times, the JSON of"
            + " scripts/peer_eigh_torch.py (without it, or unreadable: mbp's times alone)")
    private Path torch;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "128",
            description = "matrices per timed batched EIG/SVD (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--sizes", paramLabel = "D", split = ",", defaultValue = "32,64,128,256",
            description = "orders of the timed matrices, at most 256 (default: ${DEFAULT-VALUE})")
    private List<Integer> sizes;

    @Option(names = "--gpu-images", paramLabel = "N", defaultValue = "2048",
            description = "the most images of the timed GPU epoch, which is sized to take about 30 s"
                    + " (default: ${DEFAULT-VALUE})")
    private int gpuImages;

    @Option(names = "--cpu-images", paramLabel = "N", defaultValue = "2048",
            description = "images of the timed CPU epoch (default: ${DEFAULT-VALUE})")
    private int cpuImages;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "timed runs of each batched EIG/SVD, the median reported (default: ${DEFAULT-VALUE})")
    private int repeats;

    @Override
    public Integer call() throws IOException {
        DeviceCheck.Request request = new DeviceCheck.Request(out, torch, batch, sizes, gpuImages, cpuImages, repeats);
        return DeviceCheck.run(request, spec.commandLine().getOut(), spec.commandLine().getErr()) ? 0 : 1;
    }
}
