/**
 * The typed contracts of the files the analyzer writes into a results folder and every reader reads back:
 * {@link org.batchscope.common.files.RunFile} ({@code runs/<hash>.json}) and
 * {@link org.batchscope.common.files.SummaryFile} ({@code summary.json}), each with a
 * {@code schema_version} and the {@link org.batchscope.common.files.Provenance} of the code that wrote it.
 * {@link org.batchscope.common.files.ResultFiles} binds them with Jackson (snake_case keys, canonical
 * bytes), refuses a newer schema than this build reads, and turns every problem into one line naming the file.
 * {@link org.batchscope.common.files.DatasetManifest} is the readers' view of a generated dataset's
 * {@code manifest.json}.
 */
package org.batchscope.common.files;
