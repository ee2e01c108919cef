import java.util.List;
import org.mbp.train.ClassifierVariant;
import org.mbp.train.OperationCounts;

/**
 * Backend operations (kernel launches on a device) and reads (host synchronisations) of one
 * batched training pass of each §7.1 classifier against the number of images in the pass, and of
 * DeepNCuts with J2 against the number of scenes (a scaled-down model), as a Markdown table: {@code train.OperationCounts} on the CPU backends. Run as a single-file program
 * on the command line's jar:
 * {@code java -cp experiments/cli/target/mbp.jar scripts/OperationCountTable.java [N ...]}
 * (default 1 4 16 64).
 */
public final class OperationCountTable {

    private OperationCountTable() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1, 4, 16, 64}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        StringBuilder head = new StringBuilder("| network |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int n : sizes) {
            head.append(" ").append(n).append(n == 1 ? " image |" : " images |");
            rule.append("---|");
        }
        System.out.println("operations / reads per training pass");
        System.out.println();
        System.out.println(head);
        System.out.println(rule);
        for (ClassifierVariant v : ClassifierVariant.values()) {
            StringBuilder row = new StringBuilder("| " + v.id() + " |");
            List<OperationCounts.Count> counts = OperationCounts.trainingPass(v, sizes);
            for (OperationCounts.Count c : counts) {
                row.append(" ").append(c.operations()).append(" / ").append(c.reads()).append(" |");
            }
            System.out.println(row);
        }
        StringBuilder row = new StringBuilder("| deepncuts-j2 (scenes) |");
        for (OperationCounts.Count c : OperationCounts.segmentationPass(sizes)) {
            row.append(" ").append(c.operations()).append(" / ").append(c.reads()).append(" |");
        }
        System.out.println(row);
    }
}
