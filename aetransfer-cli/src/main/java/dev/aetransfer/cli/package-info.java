/**
 * The {@code aetransfer} command: picocli commands that turn options into library configurations
 * and call the library. Only {@link dev.aetransfer.cli.Main#main} exits the process.
 */
package dev.aetransfer.cli;
