package org.batchscope.reports.render;

import java.awt.Dimension;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.ImageHandlerBase64Encoder;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Draws a {@link Figure} as SVG text with Apache Batik's SVG generator (a {@link java.awt.Graphics2D}
 * that records vector drawing), from the same drawing code as the PNG and the PDF page. Text stays
 * text (searchable, selectable), sized by a {@code viewBox} so the chart scales with the page. The
 * element ids Batik makes (clip paths, gradients) start with the figure's name, so several figures
 * can be inlined in one HTML page without clashing; raster images become inline PNG {@code data:} URIs.
 */
public final class SvgExport {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private SvgExport() {
    }

    /** @return the figure as one {@code <svg>} element, without an XML declaration */
    public static String render(Figure figure) {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder in this JDK", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setIDGenerator(new PrefixedIds(figure.name()));
        context.setImageHandler(new InlinePngImages());
        context.setComment(null);
        SVGGraphics2D g2 = new SVGGraphics2D(context, false);
        g2.setSVGCanvasSize(new Dimension(figure.width(), figure.height()));
        figure.drawing().draw(g2, figure.area());
        Element root = g2.getRoot();
        root.setAttribute("viewBox", "0 0 " + figure.width() + " " + figure.height());
        root.setAttribute("width", "100%");
        root.removeAttribute("height");
        root.setAttribute("role", "img");
        root.setAttribute("aria-label", figure.name());
        StringWriter out = new StringWriter();
        try {
            g2.stream(root, out, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            g2.dispose();
        }
        String svg = out.toString();
        int start = svg.indexOf("<svg");
        return start > 0 ? svg.substring(start) : svg;
    }

    /**
     * Raster images (the dog pictures of a contact sheet) inlined as base64 PNG {@code data:} URIs, encoded
     * by the JDK's ImageIO; Batik's own encoder needs its codec module, which the report does not carry.
     */
    private static final class InlinePngImages extends ImageHandlerBase64Encoder {

        @Override
        public void encodeImage(RenderedImage image, OutputStream out) throws SVGGraphics2DIOException {
            try {
                if (!ImageIO.write(image, "png", out)) {
                    throw new SVGGraphics2DIOException("no PNG writer in this JDK");
                }
            } catch (IOException e) {
                throw new SVGGraphics2DIOException(e);
            }
        }
    }

    /** Ids {@code <figure>-<prefix><n>}, unique within a page of several figures. */
    private static final class PrefixedIds extends SVGIDGenerator {

        private final String figure;

        PrefixedIds(String figure) {
            this.figure = figure;
        }

        @Override
        public String generateID(String prefix) {
            return figure + "-" + super.generateID(prefix);
        }
    }
}
