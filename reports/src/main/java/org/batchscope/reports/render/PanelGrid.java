package org.batchscope.reports.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.Range;

/**
 * Several small charts (panels) in a grid under one title, with one legend shared by all panels at
 * the bottom. Panels fill the grid row by row; each keeps its own small title (for example the batch
 * size) and has no legend of its own.
 */
public final class PanelGrid implements Drawable {

    private static final double GAP = 10;

    private final TextTitle title;
    private final TextTitle subtitle;
    private final List<JFreeChart> panels;
    private final LegendTitle legend;
    private final int columns;

    /**
     * @param title        the figure title
     * @param subtitle     one line under the title (how to read it), or null
     * @param panels       the panels, at least one; their own legends are removed
     * @param legendSource where the shared legend's items come from (usually the first panel's
     *                     plot), or null for no legend
     * @param columns      panels per row, at least 1
     */
    public PanelGrid(String title, String subtitle, List<JFreeChart> panels, LegendItemSource legendSource,
                     int columns) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a panel grid needs at least one panel");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns is " + columns + "; must be >= 1");
        }
        this.title = new TextTitle(title, ChartStyle.TITLE_FONT);
        this.title.setPadding(new RectangleInsets(6, 4, 2, 4));
        this.subtitle = subtitle == null ? null : new TextTitle(subtitle, ChartStyle.SUBTITLE_FONT);
        this.panels = List.copyOf(panels);
        for (JFreeChart panel : this.panels) {
            panel.removeLegend();
        }
        if (legendSource == null) {
            this.legend = null;
        } else {
            this.legend = new LegendTitle(legendSource);
            ChartStyle.styleLegend(this.legend);
        }
        this.columns = Math.min(columns, panels.size());
    }

    /** @return a sensible number of columns for {@code count} panels: one row up to 3, then 2 (for 4) or 3 */
    public static int columnsFor(int count) {
        return count <= 3 ? Math.max(count, 1) : count == 4 ? 2 : 3;
    }

    /** @return the panels, in grid order */
    public List<JFreeChart> panels() {
        return panels;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        g2.setPaint(Color.WHITE);
        g2.fill(area);
        double top = area.getMinY();
        double bottom = area.getMaxY();
        top += drawAtTop(title, g2, area, top);
        if (subtitle != null) {
            top += drawAtTop(subtitle, g2, area, top);
        }
        if (legend != null) {
            Size2D size = arrange(legend, g2, area.getWidth(), bottom - top);
            legend.draw(g2, new Rectangle2D.Double(area.getCenterX() - size.width / 2, bottom - size.height,
                    size.width, size.height));
            bottom -= size.height;
        }
        int rows = (panels.size() + columns - 1) / columns;
        double cellWidth = (area.getWidth() - GAP * (columns + 1)) / columns;
        double cellHeight = (bottom - top - GAP * rows) / rows;
        for (int i = 0; i < panels.size(); i++) {
            int row = i / columns;
            int column = i % columns;
            Rectangle2D cell = new Rectangle2D.Double(
                    area.getMinX() + GAP + column * (cellWidth + GAP),
                    top + GAP / 2 + row * (cellHeight + GAP),
                    cellWidth, cellHeight);
            panels.get(i).draw(g2, cell);
        }
    }

    private static double drawAtTop(Title block, Graphics2D g2, Rectangle2D area, double top) {
        Size2D size = arrange(block, g2, area.getWidth(), area.getMaxY() - top);
        block.draw(g2, new Rectangle2D.Double(area.getCenterX() - size.width / 2, top, size.width, size.height));
        return size.height;
    }

    private static Size2D arrange(Title block, Graphics2D g2, double width, double height) {
        return block.arrange(g2, new RectangleConstraint(width, new Range(0, width), LengthConstraintType.RANGE,
                height, new Range(0, height), LengthConstraintType.RANGE));
    }
}
