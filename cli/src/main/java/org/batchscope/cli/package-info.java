/**
 * The picocli application: one class per subcommand, shared options as mixins, and the mapping of
 * outcomes to exit codes ({@link org.batchscope.cli.ExitCodes}).
 */
package org.batchscope.cli;
