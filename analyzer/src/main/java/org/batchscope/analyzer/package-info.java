/** The measuring half: data loading, training engines, sweeps, the results store and metrics. */
package org.batchscope.analyzer;
