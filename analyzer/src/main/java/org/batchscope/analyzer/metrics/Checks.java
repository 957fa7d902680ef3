package org.batchscope.analyzer.metrics;

/** Argument checks shared by the metrics; every message names the offending argument. */
final class Checks {

    private Checks() {
    }

    /**
     * @param values    the array to check
     * @param name      the argument's name, used in the message
     * @param minLength the fewest values allowed
     * @return {@code values}, for chaining
     * @throws IllegalArgumentException if {@code values} is null, shorter than {@code minLength} or
     *                                  holds a NaN or an infinity
     */
    static double[] finite(double[] values, String name, int minLength) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (values.length < minLength) {
            throw new IllegalArgumentException(name + " holds " + values.length
                    + " value(s); at least " + minLength + " are needed");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]
                        + "; values must be finite");
            }
        }
        return values;
    }

    /** @throws IllegalArgumentException if {@code a} and {@code b} differ in length */
    static void sameLength(int a, String nameA, int b, String nameB) {
        if (a != b) {
            throw new IllegalArgumentException(nameA + " has length " + a + " but " + nameB
                    + " has length " + b + "; they must match");
        }
    }
}
