/** Charts drawn once with JFreeChart and exported to PNG and PDF; diagnosis of external training logs. */
package org.batchscope.reports;
