package org.batchscope.analyzer.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.batchscope.common.BadInputException;

/**
 * The class names of a dataset in label-index order: sorted, numerically when every name is a number
 * (so {@code 2} comes before {@code 10}), otherwise by their text. Label index i is the i-th name.
 */
public final class ClassNames {

    private ClassNames() {
    }

    /** @return the distinct values of {@code labels}, sorted as above */
    public static List<String> of(Collection<String> labels) {
        boolean numeric = labels.stream().allMatch(ClassNames::isNumber);
        Comparator<String> order = numeric
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        TreeSet<String> sorted = new TreeSet<>(order);
        sorted.addAll(labels);
        return new ArrayList<>(sorted);
    }

    /**
     * @param source  names the file or folder in messages
     * @return the label index of each of {@code labels} in {@code names}
     * @throws BadInputException when a label is not one of {@code names}
     */
    public static int[] encode(List<String> labels, List<String> names, String source) {
        int[] encoded = new int[labels.size()];
        for (int i = 0; i < encoded.length; i++) {
            int index = names.indexOf(labels.get(i));
            if (index < 0) {
                throw new BadInputException(source + ": row " + (i + 1) + " has label '" + labels.get(i)
                        + "', which the training split does not have (classes: " + String.join(", ", names) + ")");
            }
            encoded[i] = index;
        }
        return encoded;
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
