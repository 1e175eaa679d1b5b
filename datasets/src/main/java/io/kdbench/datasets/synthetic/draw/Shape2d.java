package io.kdbench.datasets.synthetic.draw;

/**
 * A closed 2-D region given by a level function: below 1 inside, 1 on the boundary, growing outwards
 * roughly in proportion to the distance from the centre. Pixel coordinates, y down, x right.
 */
public interface Shape2d {
    double level(double y, double x);

    default boolean contains(double y, double x) {
        return level(y, x) < 1.0;
    }

    /** A smooth 0..1 inside-ness with an edge about {@code edge} level units wide (a soft, anti-aliased fill). */
    default double softInside(double y, double x, double edge) {
        double t = (1.0 - level(y, x)) / Math.max(edge, 1e-6);
        return 1.0 / (1.0 + Math.exp(-4.0 * t));
    }
}
