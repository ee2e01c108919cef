package org.mbp.backend;

/** Pairwise combinations {@code P_ij = v_i op w_j} of two vectors. */
public enum Outer {
    /** {@code v_i − w_j}. */
    DIFFERENCE {
        @Override
        public double apply(double a, double b) {
            return a - b;
        }
    },
    /** {@code v_i + w_j}. */
    SUM {
        @Override
        public double apply(double a, double b) {
            return a + b;
        }
    },
    /** {@code min(v_i, w_j)}. */
    MIN {
        @Override
        public double apply(double a, double b) {
            return Math.min(a, b);
        }
    },
    /** {@code max(v_i, w_j)}. */
    MAX {
        @Override
        public double apply(double a, double b) {
            return Math.max(a, b);
        }
    };

    /**
     * The combination in double precision (backends round the result to their own precision).
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return the combination in double precision (backends round the result to their own
     *         precision)
     */
    public abstract double apply(double a, double b);
}
