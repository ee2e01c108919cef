import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Precision;
import org.mbp.data.LabelledImages;
import org.mbp.nn.HostImageOps;
import org.mbp.nn.ImageOps;
import org.mbp.nn.Weights;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.train.ClassificationTask;
import org.mbp.train.ClassifierModel;
import org.mbp.train.ClassifierVariant;
import org.mbp.train.ConvNet;

/**
 * Where a batched training pass of a §7.1 classifier spends its time on the CPU backends (float
 * 16/32 trunk, double O₂P, random 28×28 images, one thread): every backend operation timed through
 * a proxy, summed by operation over 2000 passes after 2000 warm-up passes, as a Markdown table.
 * Run as a single-file program on the command line's jar, on an idle machine:
 * {@code java -XX:+UseParallelGC -cp experiments/cli/target/mbp.jar scripts/OperationTimeTable.java
 * [NETWORK [IMAGES]]} (default gap 4; NETWORK as {@code ClassifierVariant}'s names, e.g. O2P_FC).
 */
public final class OperationTimeTable {

    private static final int PASSES = 2000;
    private static final Map<String, long[]> TIMES = new ConcurrentHashMap<>();
    private static volatile boolean timing;

    private OperationTimeTable() {
    }

    @SuppressWarnings("unchecked")
    private static <M> MatrixOps<M> timed(MatrixOps<M> ops) {
        ImageOps<M> images = new HostImageOps<>(ops);
        InvocationHandler handler = (proxy, method, args) -> {
            Object target = method.getDeclaringClass() == ImageOps.class ? images : ops;
            if (target.getClass().getMethod(method.getName(), method.getParameterTypes()).isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            long start = System.nanoTime();
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (timing) {
                    long[] sum = TIMES.computeIfAbsent(method.getName(), k -> new long[2]);
                    synchronized (sum) {
                        sum[0] += System.nanoTime() - start;
                        sum[1]++;
                    }
                }
            }
        };
        return (MatrixOps<M>) Proxy.newProxyInstance(MatrixOps.class.getClassLoader(),
                new Class<?>[] {MatrixOps.class, ImageOps.class}, handler);
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        ClassifierVariant variant = ClassifierVariant.valueOf(args.length > 0 ? args[0] : "GAP");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        MatrixOps<Object> trunk = timed((MatrixOps<Object>) (MatrixOps<?>) EjmlOps.fastest(Precision.FLOAT));
        MatrixOps<Object> structured = timed((MatrixOps<Object>) (MatrixOps<?>) EjmlOps.fastest(Precision.DOUBLE));
        LabelledImages images = LabelledImages.random(n, 7);
        ClassifierModel<Object> model = new ClassifierModel<>(variant, new ConvNet<>(new int[] {16, 32}, trunk),
                structured, Form.STABLE, DeepO2P.DEFAULT_EPSILON, 128, 0.5, LabelledImages.CLASS_COUNT);
        ClassificationTask<Object> task = new ClassificationTask<>(model, images, images);
        Weights weights = Weights.initialise(task.network().parameters(), 1);
        int[] indices = IntStream.range(0, n).toArray();
        long[] seeds = IntStream.range(0, n).mapToLong(i -> 1000 + i).toArray();
        for (int i = 0; i < PASSES; i++) {
            task.train(weights, indices, seeds);
        }
        timing = true;
        long start = System.nanoTime();
        for (int i = 0; i < PASSES; i++) {
            task.train(weights, indices, seeds);
        }
        double pass = (System.nanoTime() - start) / 1e3 / PASSES;
        System.out.printf("%s, %d images per pass: %.0f µs per pass (%.0f images/s on one thread)%n%n",
                variant.id(), n, pass, n * 1e6 / pass);
        System.out.println("| operation | µs per pass | share | calls per pass |");
        System.out.println("|---|---|---|---|");
        TIMES.entrySet().stream().filter(e -> e.getValue()[0] / 1e3 / PASSES >= 1)
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> System.out.printf("| %s | %.0f | %.0f %% | %.0f |%n", e.getKey(),
                        e.getValue()[0] / 1e3 / PASSES, 100 * e.getValue()[0] / 1e3 / PASSES / pass,
                        (double) e.getValue()[1] / PASSES));
    }
}
