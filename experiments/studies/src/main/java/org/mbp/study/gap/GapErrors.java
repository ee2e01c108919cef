package org.mbp.study.gap;

/** A method's median bias and median error in double at one gap of the grid. */
public record GapErrors(double gap, double bias, double error) {
}
