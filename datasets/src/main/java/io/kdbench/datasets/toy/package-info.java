/**
 * toy-blobs: a tiny, fast dataset for tests and examples (a faint disc in noise).
 */
package io.kdbench.datasets.toy;
