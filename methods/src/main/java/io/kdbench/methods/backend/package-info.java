/**
 * The ND4J backend on the class path (native CPU or CUDA) as the harness's ComputeBackend: the CPU's instruction
 * set, the pinned kernels and what it reports for provenance.
 */
package io.kdbench.methods.backend;
