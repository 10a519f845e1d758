package org.regroup.benchmarks.suite;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The report's plots, drawn by JFreeChart into SVG files (JFreeSVG): readable in a browser and in Git diffs. */
final class Charts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;

    private Charts() {
    }

    /**
     * Soft score over time, one step line per solver (its first seed), for plans that break no hard or medium rule:
     * a plan that does not place everyone is not on the same scale.
     */
    static void scoreOverTime(String day, Map<String, RunRecord> bySolver, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        bySolver.forEach((solver, run) -> {
            XYSeries series = new XYSeries(solver, true, true);
            for (RunRecord.Point p : run.timeline()) {
                if (p.hard() == 0 && p.medium() == 0 && p.seconds() > 0) {
                    series.addOrUpdate(p.seconds(), p.soft());
                }
            }
            if (!series.isEmpty()) {
                series.addOrUpdate(Math.max(run.limitSeconds(), series.getMaxX()), series.getY(series.getItemCount() - 1));
                data.addSeries(series);
            }
        });
        JFreeChart chart = ChartFactory.createXYLineChart(day + ": soft score of plans placing everyone",
                "seconds (log scale)", "soft score (higher is better)", data, PlotOrientation.VERTICAL, true, false,
                false);
        XYPlot plot = chart.getXYPlot();
        LogAxis time = new LogAxis("seconds (log scale)");
        time.setSmallestValue(0.01);
        time.setNumberFormatOverride(new DecimalFormat("0.##")); // "2.5", not "10^0.4"
        plot.setDomainAxis(time);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.setRenderer(new XYStepRenderer());
        style(chart);
        write(chart, file);
    }

    /** One line per figure against school size. */
    static void scaling(String title, String yLabel, List<double[]> points, Path file) throws IOException {
        XYSeries series = new XYSeries(yLabel);
        points.forEach(p -> series.add(p[0], p[1]));
        JFreeChart chart = ChartFactory.createXYLineChart(title, "students", yLabel,
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        ((XYLineAndShapeRenderer) chart.getXYPlot().getRenderer()).setDefaultShapesVisible(true);
        style(chart);
        write(chart, file);
    }

    /** Placed share (%) per shape, one bar per solver. */
    static void placedShare(Map<String, Map<String, Double>> byShape, Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        byShape.forEach((shape, bySolver) -> bySolver.forEach((solver, share) -> data.addValue(share, solver, shape)));
        JFreeChart chart = ChartFactory.createBarChart("Placed share of student-blocks (worst seed)", "shape",
                "placed share (%)", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        double lowest = byShape.values().stream().flatMap(m -> m.values().stream()).mapToDouble(d -> d).min()
                .orElse(0);
        plot.getRangeAxis().setRange(Math.max(0, Math.floor(lowest / 10) * 10 - 10), 100.5);
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        write(chart, file);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    }

    private static void write(JFreeChart chart, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(WIDTH, HEIGHT));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, g.getSVGDocument());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
