/**
 * Drawing primitives of the synthetic generators: ellipses, smooth shapes, lines, blobs, noise and speckle,
 * painted with soft edges.
 */
package io.kdbench.datasets.synthetic.draw;
