package org.mbp.backend;

/** Pairwise combinations {@code P_ij = v_i op w_j} of two vectors. */
public enum Outer {
    DIFFERENCE {
        @Override
        public double apply(double a, double b) {
            return a - b;
        }
    },
    SUM {
        @Override
        public double apply(double a, double b) {
            return a + b;
        }
    },
    MIN {
        @Override
        public double apply(double a, double b) {
            return Math.min(a, b);
        }
    },
    MAX {
        @Override
        public double apply(double a, double b) {
            return Math.max(a, b);
        }
    };

    /** The combination in double precision (backends round the result to their own precision). */
    public abstract double apply(double a, double b);
}
