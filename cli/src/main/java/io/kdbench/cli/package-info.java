/**
 * The command line: picocli commands (run, list, report, compare, claims, verify, metrics, datasets), their exit
 * codes and error messages, the terminal progress bar, quiet logging, plug-in jars, and the cluster executors found
 * through ServiceLoader.
 */
package io.kdbench.cli;
