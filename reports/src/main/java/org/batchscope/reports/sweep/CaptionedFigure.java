package org.batchscope.reports.sweep;

import org.batchscope.reports.render.Figure;

/**
 * A chart with the caption that tells how to read it.
 *
 * @param figure  the chart
 * @param caption one or two sentences under it in the PDF
 */
public record CaptionedFigure(Figure figure, String caption) {
}
