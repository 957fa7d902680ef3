package org.batchscope.reports.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.batchscope.reports.render.ChartStyle;
import org.batchscope.reports.render.Figure;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;

/**
 * Chart 8, the dataset's contact sheet: the generator's {@code preview.png} under a title, scaled
 * uniformly to fit and centred. Drawn through Graphics2D like every chart, so the PDF holds it as an
 * image XObject (pdfbox-graphics2d encodes drawn images losslessly) and the PNG at twice the size.
 */
public final class ContactSheet implements Drawable {

    /** File stem of the figure. */
    public static final String NAME = "contact-sheet";

    private final TextTitle title;
    private final BufferedImage image;

    private ContactSheet(String title, BufferedImage image) {
        this.title = new TextTitle(title, ChartStyle.TITLE_FONT);
        this.image = image;
    }

    /** @return a figure of the image under {@code title}, sized to the image's aspect ratio */
    public static Figure figure(String title, BufferedImage image) {
        int width = Figure.DEFAULT_WIDTH;
        int height = (int) Math.max(200, Math.min(1400, 60 + (double) width * image.getHeight() / image.getWidth()));
        return new Figure(NAME, width, height, new ContactSheet(title, image));
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        g2.setPaint(Color.WHITE);
        g2.fill(area);
        double titleHeight = 40;
        title.draw(g2, new Rectangle2D.Double(area.getX(), area.getY() + 6, area.getWidth(), titleHeight - 6));
        double scale = Math.min(area.getWidth() / image.getWidth(), (area.getHeight() - titleHeight) / image.getHeight());
        double w = image.getWidth() * scale;
        double h = image.getHeight() * scale;
        g2.drawImage(image, (int) Math.round(area.getCenterX() - w / 2), (int) Math.round(area.getY() + titleHeight),
                (int) Math.round(w), (int) Math.round(h), null);
    }
}
