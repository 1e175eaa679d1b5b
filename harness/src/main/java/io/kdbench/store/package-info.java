/**
 * The results store: one checksummed JSON document per cell, written atomically, with its spec, hash and
 * provenance; claims on cells; the tidy per-seed CSV.
 */
package io.kdbench.store;
