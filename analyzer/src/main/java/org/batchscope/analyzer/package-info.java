/** The measuring half: data loading, training engines, sweeps, the results store, saved weights and metrics. */
package org.batchscope.analyzer;
