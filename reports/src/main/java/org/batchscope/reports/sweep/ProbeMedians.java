package org.batchscope.reports.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.ToDoubleFunction;
import org.batchscope.reports.charts.MetricPoint;
import org.batchscope.reports.results.ResultRun;

/**
 * A probe quantity of a cell's seeds as one line over training: at the k-th probe (seeds of a cell probe
 * at the same steps; up to the fewest probes of any seed) the median over the seeds of their kept values,
 * at x = the probe's epoch, step x B / n_train. Probes where no seed has a kept value are left out.
 */
final class ProbeMedians {

    private ProbeMedians() {
    }

    static List<MetricPoint> of(List<ResultRun> runs, int train, ToDoubleFunction<ResultRun.Probe> quantity,
            DoublePredicate keep) {
        List<MetricPoint> points = new ArrayList<>();
        int probes = runs.stream().mapToInt(r -> r.probes().size()).min().orElse(0);
        for (int k = 0; k < probes; k++) {
            int index = k;
            double[] values = runs.stream().mapToDouble(r -> quantity.applyAsDouble(r.probes().get(index)))
                    .filter(keep).sorted().toArray();
            if (values.length > 0 && train > 0) {
                ResultRun first = runs.get(0);
                double epoch = (double) first.probes().get(k).step() * first.batchSize() / train;
                points.add(MetricPoint.of(epoch, median(values)));
            }
        }
        return points;
    }

    /** @return the median of sorted values: the middle one, or the mean of the two middle ones */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
