package io.kdbench.datasets.synthetic.draw;

/** A rotated ellipse: centre (cy, cx), semi-axes ry, rx before rotation by {@code angle} radians. */
public record Ellipse(double cy, double cx, double ry, double rx, double angle) implements Shape2d {

    public static Ellipse circle(double cy, double cx, double r) {
        return new Ellipse(cy, cx, r, r, 0);
    }

    @Override
    public double level(double y, double x) {
        double dy = y - cy;
        double dx = x - cx;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double u = (c * dy - s * dx) / ry;
        double w = (s * dy + c * dx) / rx;
        return Math.sqrt(u * u + w * w);
    }

    public Ellipse scaled(double factor) {
        return new Ellipse(cy, cx, ry * factor, rx * factor, angle);
    }
}
