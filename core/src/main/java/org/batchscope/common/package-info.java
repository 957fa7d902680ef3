/**
 * Shared plumbing used by every module: the tool version, the bad-input exception that the CLI maps
 * to exit code 2, atomic file writes, NumPy .npy writing, SHA-256 checksums, the canonical JSON/YAML mapper and the
 * derivation of independent random streams from a master seed. The results folder's file contracts are in
 * {@link org.batchscope.common.files}.
 */
package org.batchscope.common;
