package org.batchscope.analyzer.logs;

/** The CSV layouts batchscope recognises by what a file holds, with the names the user sees. */
public enum LogLayout {
    /**
     * Keras {@code CSVLogger} and similar per-epoch tables: an {@code epoch} column (any case, any
     * position) and no {@code step} column; every other numeric column against epoch.
     */
    KERAS("Keras CSVLogger"),
    /**
     * PyTorch Lightning {@code CSVLogger} {@code metrics.csv}: {@code epoch} and {@code step} columns;
     * {@code *_step} columns against step, {@code *_epoch} columns against epoch, other columns against
     * epoch when they hold at most one value per epoch, else against step.
     */
    LIGHTNING("Lightning metrics.csv"),
    /** A TensorBoard scalar exported as CSV: {@code Wall time,Step,Value}; run and tag are in the file name. */
    TENSORBOARD("TensorBoard scalar export"),
    /**
     * A Weights and Biases panel export: an x column ({@code Step}, {@code epoch},
     * {@code trainer/global_step}, ...) and columns {@code <run> - <metric>}, with {@code __MIN} and
     * {@code __MAX} companions that are skipped.
     */
    WANDB("W&B export"),
    /**
     * A pandas {@code DataFrame(history.history).to_csv()} dump: an unnamed index column, or no x column
     * at all (then x is the row number); every numeric column against it.
     */
    PANDAS("pandas history dump"),
    /**
     * A table against steps without an epoch column, as hand-written loops log it: a {@code step},
     * {@code global_step}, {@code iteration} or {@code iter} column; every other numeric column against it.
     */
    STEPS("per-step table"),
    /** Any other CSV, read with the columns named by --x and --y. */
    COLUMNS("CSV with --x/--y");

    private final String description;

    LogLayout(String description) {
        this.description = description;
    }

    /** @return the layout's name for messages and reports */
    public String description() {
        return description;
    }
}
