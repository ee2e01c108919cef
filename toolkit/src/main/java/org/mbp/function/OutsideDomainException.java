package org.mbp.function;

/**
 * A spectrum outside a {@link SpectralFunction}'s domain: a negative, zero or numerically zero
 * eigenvalue for log, sqrt or a real power, or a non-finite one.
 */
public class OutsideDomainException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message the stage, the function and the offending eigenvalue */
    public OutsideDomainException(String message) {
        super(message);
    }
}
