package org.batchscope.generator.image.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.generator.image.paint.Canvas;

/**
 * Fractal value noise: {@code n(x, y) = sum_o 2^-o v_o(x, y) / sum_o 2^-o} over four octaves, where
 * octave {@code o} interpolates (bilinear with smoothstep weights) uniform random values on a
 * {@code (2 + 2^(o+1))}-cell lattice; the result in [0, 1] is mapped linearly from colour A to colour B.
 */
final class FractalNoiseBackground implements Background {

    private static final int OCTAVES = 4;

    @Override
    public void paint(Canvas canvas, UniformRandomProvider rng) {
        int size = canvas.size();
        int a = Canvas.randomColour(rng);
        int b = Canvas.randomColour(rng);
        float[] sum = new float[size * size];
        double weightSum = 0;
        for (int o = 0; o < OCTAVES; o++) {
            double weight = StrictMath.pow(0.5, o);
            addOctave(sum, size, 2 + (2 << o), (float) weight, rng);
            weightSum += weight;
        }
        float[] rgb = canvas.pixels();
        float[] ca = channels(a);
        float[] cb = channels(b);
        for (int p = 0; p < size * size; p++) {
            float t = (float) (sum[p] / weightSum);
            for (int c = 0; c < 3; c++) {
                rgb[3 * p + c] = ca[c] + t * (cb[c] - ca[c]);
            }
        }
    }

    private static void addOctave(float[] sum, int size, int cells, float weight, UniformRandomProvider rng) {
        float[] lattice = new float[(cells + 1) * (cells + 1)];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = rng.nextFloat();
        }
        double scale = (double) cells / size;
        // the horizontal lattice cell and weight depend on x alone: computed once per column, not per pixel
        int[] cellX = new int[size];
        double[] weightX = new double[size];
        for (int x = 0; x < size; x++) {
            double fx = (x + 0.5) * scale;
            cellX[x] = (int) fx;
            weightX[x] = smooth(fx - cellX[x]);
        }
        for (int y = 0; y < size; y++) {
            double fy = (y + 0.5) * scale;
            int iy = (int) fy;
            double ty = smooth(fy - iy);
            int rowBase = iy * (cells + 1);
            for (int x = 0; x < size; x++) {
                double tx = weightX[x];
                int base = rowBase + cellX[x];
                double top = lattice[base] + tx * (lattice[base + 1] - lattice[base]);
                double bottom = lattice[base + cells + 1] + tx * (lattice[base + cells + 2] - lattice[base + cells + 1]);
                sum[y * size + x] += (float) (weight * (top + ty * (bottom - top)));
            }
        }
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static float[] channels(int colour) {
        return new float[] {(colour >> 16) & 0xFF, (colour >> 8) & 0xFF, colour & 0xFF};
    }
}
