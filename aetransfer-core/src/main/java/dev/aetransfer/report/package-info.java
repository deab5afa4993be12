/**
 * Reports of a comparison: the table printed to the terminal ({@link
 * dev.aetransfer.report.TerminalTable}), {@code results.json} and {@code results.csv} ({@link
 * dev.aetransfer.report.ResultsJson}, {@link dev.aetransfer.report.ResultsCsv}), and one
 * self-contained {@code report.html} with its charts ({@link dev.aetransfer.report.HtmlReport});
 * {@link dev.aetransfer.report.ComparisonReport} writes all three files.
 *
 * <p>Charts are drawn by XChart into PNGs embedded in the page, with AWT headless. Files are
 * replaced atomically.
 */
package dev.aetransfer.report;
