package org.batchscope.reports.html;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.ToolVersion;
import org.batchscope.reports.pdf.ReportTable;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.SvgExport;

/**
 * A report as one self-contained HTML file: the facts of the run, headings, paragraphs, preformatted
 * lines, tables (each sortable by clicking a column header: cells that start with a number by that
 * number, as {@code 0.912 ± 0.004} by 0.912, before the others, which sort alphabetically; a second
 * click reverses) and figures inlined as SVG ({@link SvgExport}) with numbered captions. The
 * stylesheet and the sorting script are in the file; nothing is fetched from the network. Written
 * atomically, in UTF-8.
 *
 * <pre>
 *   HtmlReport.titled("batchscope diagnose").fact("logs", "3").heading("Reading").paragraph("...")
 *             .table(table).figure(figure, "How to read it").write(out.resolve("report.html"));
 * </pre>
 */
public final class HtmlReport {

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111;
                   max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
            h1 { color: #1F3A5F; border-bottom: 2px solid #1F3A5F; padding-bottom: .2em; }
            h2 { color: #1F3A5F; border-bottom: 1px solid #1F3A5F; padding-bottom: .1em; margin-top: 1.6em; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1.2em; }
            dl.facts dt { font-weight: bold; }
            dl.facts dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
            pre { background: #F6F6F6; padding: .3em .6em; white-space: pre-wrap; overflow-wrap: anywhere; margin: .2em 0; }
            .table { overflow-x: auto; margin: .8em 0; }
            table { border-collapse: collapse; font-size: .85em; }
            th, td { padding: .25em .5em; border-bottom: 1px solid #DDD; }
            th { background: #DCE6F0; cursor: pointer; user-select: none; text-align: left; }
            th[aria-sort=ascending]::after { content: " \\25B2"; }
            th[aria-sort=descending]::after { content: " \\25BC"; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tbody tr:nth-child(even) { background: #F4F4F4; }
            figure { margin: 1.5em 0; page-break-inside: avoid; }
            figure svg { display: block; width: 100%; height: auto; border: 1px solid #EEE; }
            figcaption { font-size: .9em; color: #333; margin-top: .4em; }
            footer { margin-top: 3em; font-size: .8em; color: #666; }
            """;

    private static final String SCRIPT = """
            (function () {
              function key(cell) {
                var text = cell.textContent.trim();
                var number = /^[-+]?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?/i.exec(text);
                return number ? Number(number[0]) : text;
              }
              function sortBy(table, column, header) {
                var ascending = header.getAttribute('aria-sort') !== 'ascending';
                Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
                header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = key(a.cells[column]), y = key(b.cells[column]), order;
                  if (typeof x === 'number' && typeof y === 'number') { order = x - y; }
                  else if (typeof x === 'number') { order = -1; }
                  else if (typeof y === 'number') { order = 1; }
                  else { order = String(x).localeCompare(String(y)); }
                  return ascending ? order : -order;
                });
                rows.forEach(function (row) { body.appendChild(row); });
              }
              Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
                Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
                  header.tabIndex = 0;
                  header.title = 'Sort by this column';
                  header.addEventListener('click', function () { sortBy(table, column, header); });
                  header.addEventListener('keydown', function (e) { if (e.key === 'Enter') { sortBy(table, column, header); } });
                });
                table.setAttribute('data-sortable', 'ready');
              });
            })();
            """;

    private final String title;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final StringBuilder body = new StringBuilder();
    private int figures;

    private HtmlReport(String title) {
        this.title = title;
    }

    /** @return an empty report under {@code title} */
    public static HtmlReport titled(String title) {
        return new HtmlReport(title);
    }

    /** Adds a line {@code name: value} to the facts at the top (in the order added). */
    public HtmlReport fact(String name, String value) {
        facts.put(name, value);
        return this;
    }

    /** Adds a section heading. */
    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** Adds a paragraph ({@code \n} starts a new line). */
    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text).replace("\n", "<br>\n")).append("</p>\n");
        return this;
    }

    /** Adds a formula or other preformatted line. */
    public HtmlReport formula(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /**
     * Adds a sortable table; cells that read as numbers are right-aligned; names may wrap after
     * {@code _ / -}, and a table still wider than the page scrolls sideways inside its box.
     */
    public HtmlReport table(ReportTable table) {
        body.append("<div class=\"table\"><table class=\"sortable\">\n<thead><tr>");
        for (String name : table.header()) {
            body.append("<th scope=\"col\">").append(breakable(name)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            body.append("<tr>");
            for (String cell : row) {
                boolean numeric = ReportTable.isNumeric(cell);
                body.append(numeric ? "<td class=\"num\">" : "<td>").append(numeric ? escape(cell) : breakable(cell))
                        .append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
        return this;
    }

    /** Adds a figure as inline SVG, numbered "Figure n.", with its caption under it. */
    public HtmlReport figure(Figure figure, String caption) {
        body.append("<figure id=\"").append(figure.name()).append("\">\n").append(SvgExport.render(figure))
                .append("\n<figcaption><b>Figure ").append(++figures).append(".</b> ").append(escape(caption))
                .append("</figcaption>\n</figure>\n");
        return this;
    }

    /** @return the whole page */
    public String html() {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"").append(escape(ToolVersion.toolString())).append("\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n<dl class=\"facts\">\n");
        facts.forEach((name, value) -> page.append("<dt>").append(escape(name)).append("</dt><dd>")
                .append(escape(value)).append("</dd>\n"));
        page.append("</dl>\n").append(body).append("<footer>").append(escape(title)).append(" - ")
                .append(escape(ToolVersion.toolString())).append("</footer>\n<script>\n").append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return page.toString();
    }

    /** Writes the page to {@code target} atomically. */
    public void write(Path target) {
        AtomicFiles.write(target, html().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return escaped text that may break after {@code _}, {@code /} and {@code -} ({@code <wbr>}), so
     *         that long names wrap at their word joints instead of widening the table
     */
    static String breakable(String text) {
        return escape(text).replaceAll("([_/-])", "$1<wbr>");
    }

    /** @return text with the characters HTML gives a meaning to escaped */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
