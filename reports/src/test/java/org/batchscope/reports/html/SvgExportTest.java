package org.batchscope.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import javax.xml.parsers.DocumentBuilderFactory;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.SvgExport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** SVG export and HTML escaping, without a browser. */
class SvgExportTest {

    @Test
    void figureBecomesOneScalableSvgElementWithPrefixedIdsAndRealText() throws Exception {
        Figure figure = new Figure("test-chart", 300, 200, (g2, area) -> {
            g2.setClip(new Rectangle2D.Double(10, 10, 100, 100));
            g2.setColor(Color.RED);
            g2.fill(new Rectangle2D.Double(20, 20, 50, 40));
            g2.drawString("accuracy < 1 & loss", 30, 90);
        });
        String svg = SvgExport.render(figure);
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 300 200\"", "width=\"100%\"",
                "accuracy &lt; 1 &amp; loss");
        assertThat(svg).contains("id=\"test-chart-clipPath1\"").doesNotContain("id=\"clipPath1\"");
        Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(parsed.getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void rasterImagesAreInlinedAsPngDataUris() {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        picture.setRGB(3, 3, 0x00FF00);
        Figure figure = new Figure("with-image", 200, 200, (g2, area) -> g2.drawImage(picture, 10, 10, 80, 80, null));
        assertThat(SvgExport.render(figure)).contains("<image", "data:image/png;base64,iVBORw0KGgo");
    }

    @Test
    void textIsEscaped() {
        String page = HtmlReport.titled("a <b> & \"c\"").paragraph("x < y\nz").html();
        assertThat(page).contains("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>", "<p>x &lt; y<br>\nz</p>");
    }
}
