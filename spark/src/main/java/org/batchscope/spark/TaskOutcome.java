package org.batchscope.spark;

import java.io.Serializable;

/**
 * What one {@link RunTask} sends back to the driver.
 *
 * @param status     the run's status
 * @param runFile    the run file's content
 * @param dataOrigin how the executor got the dataset ({@link ExecutorDatasets.Origin})
 * @param executor   which executor ran it (host and executor id)
 */
record TaskOutcome(String status, byte[] runFile, ExecutorDatasets.Origin dataOrigin, String executor)
        implements Serializable {
}
