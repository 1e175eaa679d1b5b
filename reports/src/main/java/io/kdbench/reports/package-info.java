/**
 * The HTML report of a results folder: its figures and case images.
 */
package io.kdbench.reports;
