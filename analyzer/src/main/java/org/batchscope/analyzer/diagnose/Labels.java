package org.batchscope.analyzer.diagnose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchscope.common.BadInputException;
import org.batchscope.analyzer.logs.TrainingLog;

/**
 * Names the logs: the user's --label values in order (one per log), else the names the readers
 * found (file name, Lightning's run folder, W&amp;B run). Repeated names get " (2)", " (3)", ...
 */
public final class Labels {

    private Labels() {
    }

    /**
     * @param logs   the logs in order
     * @param labels the --label values; empty to keep the readers' names
     * @throws BadInputException when labels are given but not one per log
     */
    public static List<TrainingLog> apply(List<TrainingLog> logs, List<String> labels) {
        if (!labels.isEmpty() && labels.size() != logs.size()) {
            throw new BadInputException("--label was given " + labels.size() + " times for " + logs.size()
                    + " logs; give one per log, in order, or none");
        }
        Map<String, Integer> seen = new HashMap<>();
        List<TrainingLog> named = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            String label = labels.isEmpty() ? logs.get(i).label() : labels.get(i);
            int count = seen.merge(label, 1, Integer::sum);
            named.add(logs.get(i).withLabel(count == 1 ? label : label + " (" + count + ")"));
        }
        return named;
    }
}
