/**
 * Renders samples to PNG for kdbench datasets show.
 */
package io.kdbench.datasets.view;
