package org.batchscope.generator.image.paint;

/** Point-in-shape tests in any coordinate frame. */
public final class Shapes {

    private Shapes() {
    }

    /** @return whether {@code (x, y)} lies in the axis-aligned ellipse centred at {@code (cx, cy)} with radii {@code rx, ry} */
    public static boolean inEllipse(double x, double y, double cx, double cy, double rx, double ry) {
        double u = (x - cx) / rx;
        double v = (y - cy) / ry;
        return u * u + v * v <= 1;
    }

    /** @return whether {@code (x, y)} lies in the triangle {@code a, b, c} (either orientation, edges included) */
    public static boolean inTriangle(double x, double y, double ax, double ay, double bx, double by,
            double cx, double cy) {
        double d1 = cross(x, y, ax, ay, bx, by);
        double d2 = cross(x, y, bx, by, cx, cy);
        double d3 = cross(x, y, cx, cy, ax, ay);
        boolean negative = d1 < 0 || d2 < 0 || d3 < 0;
        boolean positive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(negative && positive);
    }

    private static double cross(double px, double py, double ax, double ay, double bx, double by) {
        return (px - bx) * (ay - by) - (ax - bx) * (py - by);
    }
}
