package org.batchscope.reports.sweep;

import org.batchscope.reports.render.Figure;

/** File stems of charts drawn once per dataset: {@code seed-picture} alone, else {@code seed-picture-1}, ... */
final class FigureNames {

    private FigureNames() {
    }

    /** @return {@code figure} itself when it is the only one of its kind, else renamed {@code <name>-<index + 1>} */
    static Figure numbered(Figure figure, int index, int count) {
        return count == 1 ? figure : figure.named(figure.name() + "-" + (index + 1));
    }
}
