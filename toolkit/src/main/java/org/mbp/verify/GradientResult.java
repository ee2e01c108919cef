package org.mbp.verify;

import org.mbp.layer.Diagnostics;

/**
 * The whole adjoint gradient against finite differences, coordinate by coordinate in an
 * orthonormal basis of the admissible input variations.
 *
 * @param directions         number of basis directions (the dimension of the input space)
 * @param relativeError      {@code ‖g_fd − g_adjoint‖₂ / ‖g_adjoint‖₂} over the coordinates
 * @param relativeErrorBound {@code ‖error estimates‖₂ / ‖g_adjoint‖₂}: what the finite
 *                           differences themselves claim to be accurate to
 * @param adjointNorm        {@code ‖g_adjoint‖₂}
 */
public record GradientResult(String layer, int directions, double relativeError,
        double relativeErrorBound, double adjointNorm, Diagnostics diagnostics) {
}
