/**
 * Readers and writers of files: NIfTI-1, PNG / JPEG, score tables, file checksums (SHA-256) and input-file checks
 * with clear messages.
 */
package io.kdbench.io;
