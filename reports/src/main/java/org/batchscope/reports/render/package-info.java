/**
 * Drawing and export: a {@link org.batchscope.reports.render.Figure} is drawn once through JFreeChart
 * onto any Graphics2D; {@link org.batchscope.reports.render.PngExport} rasterises it at twice its
 * logical size and {@link org.batchscope.reports.render.PdfFigureExport} records it as vector graphics
 * with real (searchable) text on a PDF page. {@link org.batchscope.reports.render.ChartStyle} and
 * {@link org.batchscope.reports.render.Axes} give every chart the same look;
 * {@link org.batchscope.reports.render.PanelGrid} lays several panels out under one title and legend.
 */
package org.batchscope.reports.render;
