/**
 * How a generated dataset reaches disk: the output-folder protocol (refuse foreign folders, mark work in
 * progress, write every file atomically, write manifest.json last) and the manifest itself.
 */
package org.batchscope.generator.output;
