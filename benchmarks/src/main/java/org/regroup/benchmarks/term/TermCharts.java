package org.regroup.benchmarks.term;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The term report's plots as SVG documents (JFreeChart drawn by JFreeSVG): inline in the HTML, readable offline. */
final class TermCharts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 400;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x7f7f7f),
        new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)};

    private TermCharts() {
    }

    /** Standards mastered per student since the start of the term, per policy: mean over seeds and its interval. */
    static JFreeChart masteryOverTime(TermResult r) {
        return overTime(r, "Standards mastered per student since the start (band: 95 % interval over seeds)",
                "standards per student", TermSeries.Day::masteredMean);
    }

    /**
     * How the gap in standards between the top and the bottom quartiles moved since the start, per policy: the top
     * quartile's gains less the bottom's (below zero: the students furthest behind catch up).
     */
    static JFreeChart gapOverTime(TermResult r) {
        return overTime(r, "Gap between top and bottom quartiles: change since the start (below 0: narrowing)",
                "standards", d -> d.topMean() - d.bottomMean());
    }

    private static JFreeChart overTime(TermResult r, String title, String yLabel, ToDoubleFunction<TermSeries.Day> v) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (String policy : r.policies()) {
            YIntervalSeries series = new YIntervalSeries(policy);
            List<Interval> days = r.overTime(policy, v);
            for (int d = 0; d < days.size(); d++) {
                Interval i = days.get(d);
                if (!Double.isNaN(i.mean())) {
                    series.add(d + 1, i.mean(), i.low(), i.high());
                }
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "school day", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int i = 0; i < r.policies().size(); i++) {
            Color c = COLORS[i % COLORS.length];
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setAlpha(0.2f);
        plot.setRenderer(renderer);
        return white(chart);
    }

    /** How many students mastered how many standards over the term, per policy (all seeds pooled, % of students). */
    static JFreeChart distribution(TermResult r) {
        XYSeriesCollection data = new XYSeriesCollection();
        int max = r.runs().stream().flatMap(s -> s.masteredPerStudent().stream()).mapToInt(Integer::intValue).max()
                .orElse(0);
        for (String policy : r.policies()) {
            Map<Integer, Integer> counts = new TreeMap<>();
            int total = 0;
            for (TermSeries s : r.runs()) {
                if (s.policy().equals(policy)) {
                    for (int n : s.masteredPerStudent()) {
                        counts.merge(n, 1, Integer::sum);
                        total++;
                    }
                }
            }
            XYSeries series = new XYSeries(policy);
            for (int n = 0; n <= max; n++) {
                series.add(n, total == 0 ? 0 : 100.0 * counts.getOrDefault(n, 0) / total);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("How many students mastered how many standards (all seeds)",
                "standards mastered over the term", "% of students", data, PlotOrientation.VERTICAL, true, false,
                false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < r.policies().size(); i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        }
        plot.setRenderer(renderer);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return white(chart);
    }

    private static JFreeChart white(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The chart as an {@code <svg>} element to put inline in a page. */
    static String element(JFreeChart chart) {
        return draw(chart).getSVGElement();
    }

    /** The chart as a standalone SVG file's text (for the README). */
    static String document(JFreeChart chart) {
        return draw(chart).getSVGDocument();
    }

    private static SVGGraphics2D draw(JFreeChart chart) {
        System.setProperty("java.awt.headless", "true");
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(WIDTH, HEIGHT));
        return g;
    }
}
