package org.mbp.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.nn.OperationCount;
import org.mbp.spectral.CovarianceLayer;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.verify.SampleMatrices;

/**
 * Reads and checks within a step are queued and done together, with the same values and the same
 * failures as at once: counted by {@link OperationCount} (a read is an operation whose answer the
 * host waits for), whose backends take the device path.
 */
class HostReadsTest {

    private final OperationCount count = new OperationCount();
    private final MatrixOps<SimpleMatrix> doubles = count.counted(EjmlOps.DOUBLE);
    private final MatrixOps<SimpleMatrix> floats = count.counted(EjmlOps.FLOAT);

    @Test
    void outsideAStepEveryReadIsAtOnce() {
        SimpleMatrix a = SampleMatrices.gaussian(EjmlOps.DOUBLE, 3, 2, 1);
        HostReads.Value v = HostReads.of(doubles, a);
        assertEquals(1, count.reads());
        assertArrayEquals(EjmlOps.DOUBLE.toRowMajor(a), v.values(), 0.0);
        List<String> seen = new ArrayList<>();
        HostReads.of(doubles, a, values -> seen.add("checked " + values.length));
        assertEquals(List.of("checked 6"), seen);
    }

    @Test
    void withinAStepTheReadsOfBothPrecisionsAreOneTransfer() {
        SimpleMatrix a = SampleMatrices.gaussian(EjmlOps.DOUBLE, 3, 2, 2);
        SimpleMatrix f = EjmlOps.FLOAT.copyOf(EjmlOps.DOUBLE, SampleMatrices.gaussian(EjmlOps.DOUBLE, 2, 4, 3));
        SimpleMatrix v = SampleMatrices.gaussian(EjmlOps.DOUBLE, 5, 1, 4);
        double[][] got = HostReads.during(() -> {
            HostReads.Value first = HostReads.of(doubles, a);
            HostReads.Value second = HostReads.of(floats, f);
            HostReads.Value third = HostReads.of(doubles, v);
            assertEquals(0, count.reads());
            double[][] out = {first.values(), second.values(), third.values()};
            assertEquals(1, count.reads());
            return out;
        });
        assertArrayEquals(EjmlOps.DOUBLE.toRowMajor(a), got[0], 0.0);
        assertArrayEquals(EjmlOps.FLOAT.toRowMajor(f), got[1], 0.0);
        assertArrayEquals(EjmlOps.DOUBLE.toRowMajor(v), got[2], 0.0);
        assertEquals(1, count.reads());
    }

    /**
     * A non-finite input inside a step fails at the step's next read, with the message the check
     * gives at once, and before any value of that read is handed out.
     */
    @Test
    void aQueuedCheckFailsAsTheImmediateOne() {
        SimpleMatrix f = SampleMatrices.gaussian(EjmlOps.DOUBLE, 6, 3, 5);
        f.set(4, 2, Double.POSITIVE_INFINITY);
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> covariance = new CovarianceLayer<>(doubles, 1e-3);
        IllegalArgumentException now = assertThrows(IllegalArgumentException.class, () -> covariance.forward(f));
        List<String> reached = new ArrayList<>();
        IllegalArgumentException queued = assertThrows(IllegalArgumentException.class, () -> HostReads.during(() -> {
            Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> point = covariance.forward(f);
            reached.add("forward returned");
            double[] values = HostReads.of(doubles, point.output()).values();
            reached.add("values handed out");
            return values;
        }));
        assertEquals(List.of("forward returned"), reached);
        assertEquals("features F has a non-finite entry Infinity at row 4, column 2", now.getMessage());
        assertEquals(now.getMessage(), queued.getMessage());
    }

    /**
     * When the step fails after a queued check that fails (here EJML's eigensolver on the non-finite
     * FᵀF), the check is what the step fails with, the later failure attached.
     */
    @Test
    void aFailedStepFailsWithTheFirstFailingCheck() {
        SimpleMatrix f = SampleMatrices.gaussian(EjmlOps.DOUBLE, 6, 3, 5);
        f.set(4, 2, Double.POSITIVE_INFINITY);
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> o2p = DeepO2P.eig(doubles, 1e-3, Form.STABLE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostReads.during(() -> o2p.forward(f)));
        assertEquals("features F has a non-finite entry Infinity at row 4, column 2", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
    }

    /** A backend in host memory gains nothing from queueing: it checks at once, even within a step. */
    @Test
    void aHostBackendChecksAtOnceEvenInAStep() {
        SimpleMatrix a = EjmlOps.DOUBLE.filled(1, 1, Double.NaN);
        List<String> reached = new ArrayList<>();
        assertThrows(IllegalArgumentException.class, () -> HostReads.during(() -> {
            Inputs.requireFinite(EjmlOps.DOUBLE, a, "input A");
            reached.add("after the check");
            return null;
        }));
        assertEquals(List.of(), reached);
    }

    @Test
    void whatIsStillQueuedIsCheckedWhenTheStepEnds() {
        SimpleMatrix a = EjmlOps.DOUBLE.filled(2, 2, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostReads.during(() -> {
            Inputs.requireFinite(doubles, a, "input A");
            return null;
        }));
        assertEquals("input A has a non-finite entry NaN at row 0, column 0", e.getMessage());
    }

    /** Layer diagnostics made from queued values are the ones made at once. */
    @Test
    void diagnosticsWaitForTheRead() {
        SimpleMatrix f = SampleMatrices.gaussian(EjmlOps.DOUBLE, 6, 3, 6);
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> o2p = DeepO2P.eig(doubles, 1e-3, Form.STABLE);
        Diagnostics now = o2p.forward(f).diagnostics();
        count.reset();
        Diagnostics later = HostReads.during(() -> o2p.forward(f).diagnostics());
        assertEquals(now, later);
        assertEquals(1, count.reads());
    }
}
