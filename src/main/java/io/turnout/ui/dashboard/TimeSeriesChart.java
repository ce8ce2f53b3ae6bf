package io.turnout.ui.dashboard;

import io.turnout.timeline.Marker;
import io.turnout.timeline.MarkerKind;
import io.turnout.ui.common.UiStyles;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One chart on a Canvas: a line per series decimated to its min and max per pixel column (an hour
 * at 1 Hz is 3,600 points per series; a chart is ~1,000 pixels wide), status bands under the plot,
 * and a vertical line per marker. Redraws only when given a new model or resized; the hover
 * crosshair and the drag-selection are separate nodes over the canvas, so moving the mouse costs no
 * redraw. Reports hover, drag-zoom and wheel-zoom as times; the view-model decides what they mean.
 */
public final class TimeSeriesChart extends Region {

    public static final double LEFT = 56;
    public static final double RIGHT = 10;
    static final double TOP = 20;
    static final double BOTTOM = 18;
    private static final double BAND = 6;
    private static final Font FONT = Font.font(11);
    private static final Color DOWN = Color.web("#cf222e");
    private static final Map<String, Color> COLORS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Points further apart than this are drawn with a gap between them: the feed was stopped. */
    private static final long GAP_MILLIS = 5_000;
    static final Map<MarkerKind, Color> MARKER_COLORS = Map.ofEntries(
            Map.entry(MarkerKind.STEP, Color.web("#6e7781")), Map.entry(MarkerKind.GATE_PASSED, Color.web("#1a7f37")),
            Map.entry(MarkerKind.SWITCH, Color.web("#8250df")), Map.entry(MarkerKind.DRAIN_DONE, Color.web("#0598bc")),
            Map.entry(MarkerKind.ROLLBACK, Color.web("#cf222e")), Map.entry(MarkerKind.MIGRATION_START, Color.web("#bf8700")),
            Map.entry(MarkerKind.MIGRATION_END, Color.web("#9a6700")), Map.entry(MarkerKind.MAINTENANCE_ON, Color.web("#bc4c00")),
            Map.entry(MarkerKind.MAINTENANCE_OFF, Color.web("#e16f24")), Map.entry(MarkerKind.HEALTH_CHANGE, Color.web("#54aeff")),
            Map.entry(MarkerKind.ALERT, Color.web("#d1242f")));

    private final Canvas canvas = new Canvas();
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
    private final Line crosshair = new Line();
    private final Rectangle selection = new Rectangle();
    private final DateTimeFormatter hhmmss;
    private ChartModel chart;
    private long from;
    private long to = 1;
    private List<Marker> markers = List.of();
    private boolean markerLabels = true;
    private double dragStart = Double.NaN;
    private Consumer<Instant> onHover = t -> { };
    private BiConsumer<Instant, Instant> onZoom = (a, b) -> { };
    private BiConsumer<Instant, Double> onWheel = (a, f) -> { };
    private long redraws;

    public TimeSeriesChart(ZoneId zone) {
        measure.setFont(FONT);
        hhmmss = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        getStyleClass().add(UiStyles.CHART);
        crosshair.getStyleClass().add(UiStyles.CHART_CROSSHAIR);
        crosshair.setMouseTransparent(true);
        crosshair.setVisible(false);
        selection.getStyleClass().add(UiStyles.CHART_SELECTION);
        selection.setMouseTransparent(true);
        selection.setVisible(false);
        getChildren().addAll(canvas, selection, crosshair);
        setMinHeight(110);
        setPrefHeight(128);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
        setOnMouseMoved(e -> hoverAt(e.getX()));
        setOnMouseExited(e -> crosshair.setVisible(false));
        setOnMousePressed(e -> dragStart = e.getX());
        setOnMouseDragged(e -> {
            double a = Math.max(LEFT, Math.min(dragStart, e.getX()));
            double b = Math.min(getWidth() - RIGHT, Math.max(dragStart, e.getX()));
            selection.setX(a);
            selection.setY(TOP);
            selection.setWidth(b - a);
            selection.setHeight(Math.max(0, getHeight() - TOP - BOTTOM));
            selection.setVisible(true);
        });
        setOnMouseReleased(e -> {
            selection.setVisible(false);
            if (!Double.isNaN(dragStart) && Math.abs(e.getX() - dragStart) > 4) {
                onZoom.accept(timeAt(dragStart), timeAt(e.getX()));
            }
            dragStart = Double.NaN;
        });
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                onWheel.accept(timeAt(e.getX()), e.getDeltaY() > 0 ? 0.8 : 1.25);
            }
        });
    }

    public void onHover(Consumer<Instant> l) { onHover = l; }
    public void onZoom(BiConsumer<Instant, Instant> l) { onZoom = l; }
    public void onWheel(BiConsumer<Instant, Double> l) { onWheel = l; }

    /** Only the top chart names the markers; the others draw their lines. */
    public void setMarkerLabels(boolean on) {
        markerLabels = on;
    }

    public void show(ChartModel chart, Instant from, Instant to, List<Marker> markers) {
        this.chart = chart;
        this.from = from.toEpochMilli();
        this.to = Math.max(this.from + 1, to.toEpochMilli());
        this.markers = markers;
        redraw();
    }

    public ChartModel chart() {
        return chart;
    }

    /** How many times the canvas was drawn (the benchmark and tests read it). */
    public long redraws() {
        return redraws;
    }

    /** Places the crosshair at {@code t} without telling anyone (another chart is being hovered). */
    public void crosshairAt(Instant t) {
        if (t == null) {
            crosshair.setVisible(false);
            return;
        }
        double x = xOf(t.toEpochMilli());
        crosshair.setStartX(x);
        crosshair.setEndX(x);
        crosshair.setStartY(TOP);
        crosshair.setEndY(getHeight() - BOTTOM);
        crosshair.setVisible(x >= LEFT && x <= getWidth() - RIGHT);
    }

    private void hoverAt(double x) {
        if (x >= LEFT && x <= getWidth() - RIGHT) {
            onHover.accept(timeAt(x));
        }
    }

    Instant timeAt(double x) {
        double w = Math.max(1, getWidth() - LEFT - RIGHT);
        double f = Math.max(0, Math.min(1, (x - LEFT) / w));
        return Instant.ofEpochMilli(from + Math.round(f * (to - from)));
    }

    private double xOf(long t) {
        return LEFT + (double) (t - from) / (to - from) * (getWidth() - LEFT - RIGHT);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private void redraw() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (chart == null || w <= LEFT + RIGHT || h <= TOP + BOTTOM) {
            return;
        }
        redraws++;
        // mid greys that read on the light and the dark theme alike (a canvas cannot use the theme's looked-up colours)
        Color text = Color.web("#768390");
        Color grid = Color.web("#8c959f", 0.3);
        double plotH = h - TOP - BOTTOM - (chart.bands().isEmpty() ? 0 : BAND * chart.bands().size() + 2);
        g.setFont(FONT);
        g.setFill(text);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(chart.title(), LEFT, 3);
        drawAxes(g, w, plotH, text, grid);
        for (ChartModel.Line l : chart.lines()) {
            drawLine(g, l, plotH);
        }
        double y = TOP + plotH + 2;
        for (ChartModel.Line b : chart.bands()) {
            drawBand(g, b, y);
            y += BAND;
        }
        drawMarkers(g, h, text);
        drawLegend(g, w, text);
    }

    private void drawAxes(GraphicsContext g, double w, double plotH, Color text, Color grid) {
        g.setLineWidth(1);
        g.setLineDashes();
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 4; i++) {
            double v = chart.yMax() * i / 4;
            double y = Math.round(TOP + plotH - plotH * i / 4) + 0.5;
            g.setStroke(grid);
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.setFill(text);
            g.fillText(DashboardViewModel.format(v, i == 4 ? chart.unit() : ""), LEFT - 4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i <= 4; i++) {
            long t = from + (to - from) * i / 4;
            double x = xOf(t);
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == 4 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(hhmmss.format(Instant.ofEpochMilli(t)), x, getHeight() - BOTTOM + 3);
        }
    }

    /** Min/max per pixel column: at most 2 vertices per column, whatever the number of points. */
    private void drawLine(GraphicsContext g, ChartModel.Line l, double plotH) {
        long[] t = l.epochMillis();
        double[] v = l.values();
        double yMax = chart.yMax();
        g.setStroke(color(l.color()));
        g.setLineWidth(1.5);
        switch (l.dash()) {
            case DASHED -> g.setLineDashes(6, 4);
            case DOTTED -> g.setLineDashes(2, 3);
            default -> g.setLineDashes();
        }
        g.beginPath();
        boolean open = false;
        int col = Integer.MIN_VALUE;
        double lo = 0;
        double hi = 0;
        long prevT = Long.MIN_VALUE;
        for (int i = 0; i < t.length; i++) {
            if (t[i] < from || t[i] > to || !Double.isFinite(v[i])) {
                continue;
            }
            double y = TOP + plotH - Math.min(v[i], yMax) / yMax * plotH;
            int c = (int) xOf(t[i]);
            boolean gap = prevT != Long.MIN_VALUE && t[i] - prevT > GAP_MILLIS;
            prevT = t[i];
            if (c != col || gap) {
                if (open && col != Integer.MIN_VALUE && lo != hi) {
                    g.lineTo(col + 0.5, lo);
                    g.lineTo(col + 0.5, hi);
                }
                col = c;
                lo = y;
                hi = y;
                if (!open || gap) {
                    g.moveTo(c + 0.5, y);
                    open = true;
                } else {
                    g.lineTo(c + 0.5, y);
                }
            } else {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        if (open && lo != hi) {
            g.lineTo(col + 0.5, lo);
            g.lineTo(col + 0.5, hi);
        }
        g.stroke();
        g.setLineDashes();
    }

    /** One rectangle per run of equal state, not per sample: an hour of "up" is one fill. */
    private void drawBand(GraphicsContext g, ChartModel.Line b, double y) {
        long[] t = b.epochMillis();
        double[] v = b.values();
        Color up = color(b.color()).deriveColor(0, 1, 1, 0.8);
        int i = 0;
        while (i < t.length) {
            if (t[i] < from || t[i] > to) {
                i++;
                continue;
            }
            boolean isUp = v[i] > 0;
            int j = i + 1;
            while (j < t.length && t[j] <= to && (v[j] > 0) == isUp) {
                j++;
            }
            double x0 = xOf(t[i]);
            double x1 = j < t.length ? xOf(Math.min(to, t[j])) : xOf(t[j - 1]) + 1;
            g.setFill(isUp ? up : DOWN);
            g.fillRect(x0, y, Math.max(1, x1 - x0), BAND - 1);
            i = j;
        }
    }

    private static Color color(String css) {
        return COLORS.computeIfAbsent(css, Color::web);
    }

    private void drawMarkers(GraphicsContext g, double h, Color text) {
        g.setLineWidth(1.5);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (Marker m : markers) {
            double x = Math.round(xOf(m.at().toEpochMilli())) + 0.5;
            Color c = MARKER_COLORS.getOrDefault(m.kind(), text);
            g.setStroke(c);
            g.setLineDashes(m.kind() == MarkerKind.STEP ? new double[] {3, 3} : null);
            g.strokeLine(x, TOP, x, h - BOTTOM);
            if (markerLabels) {
                g.setFill(c);
                boolean flip = x + 3 + textWidth(m.label()) > getWidth() - RIGHT; // no room on the right: label on the left
                g.setTextAlign(flip ? TextAlignment.RIGHT : TextAlignment.LEFT);
                g.fillText(m.label(), flip ? x - 3 : x + 3, TOP + 1);
            }
        }
        g.setLineDashes();
    }

    private double textWidth(String s) {
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    /** Where {@code t} is drawn, in this chart's coordinates (the hover and tests aim with it). */
    public double xAt(Instant t) {
        return xOf(t.toEpochMilli());
    }

    private void drawLegend(GraphicsContext g, double w, Color text) {
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        double x = w - RIGHT;
        double titleEnd = LEFT + textWidth(chart.title()) + 16;
        List<ChartModel.Line> all = new java.util.ArrayList<>(chart.lines());
        all.addAll(chart.bands());
        for (int i = all.size() - 1; i >= 0; i--) {
            ChartModel.Line l = all.get(i);
            String label = l.label() + " " + DashboardViewModel.format(l.last(), "");
            double tw = textWidth(label);
            if (x - tw - 12 < titleEnd) {
                break; // the rest is in the hover readout
            }
            g.setFill(text);
            g.fillText(label, x, 3);
            g.setFill(color(l.color()));
            g.fillRect(x - tw - 12, 7, 9, 3);
            x -= tw + 22;
        }
    }
}
