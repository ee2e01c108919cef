package org.mbp.scene;

/**
 * A leaf's outline: a disc, an ellipse or a rectangle centred at (cx, cy), rotated by an angle.
 * Its size r is the larger semi-axis (half the longer side for a rectangle); the other is
 * {@code aspect}·r. A pixel belongs to the leaf when its centre lies inside.
 */
record LeafShape(Outline outline, double cx, double cy, double r, double aspect, double angle) {

    /** The kinds of outline. */
    enum Outline { DISC, ELLIPSE, RECTANGLE }

    /** Whether the point (x, y) lies inside. */
    boolean contains(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double u = (dx * cos + dy * sin) / r;
        double v = (dy * cos - dx * sin) / (aspect * r);
        return switch (outline) {
            case DISC -> dx * dx + dy * dy <= r * r;
            case ELLIPSE -> u * u + v * v <= 1;
            case RECTANGLE -> Math.abs(u) <= 1 && Math.abs(v) <= 1;
        };
    }
}
