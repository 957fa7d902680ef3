package org.batchscope.analyzer.logs;

/** The CSV layouts batchscope reads, with the names the user sees. */
public enum LogLayout {
    /** Keras {@code CSVLogger}: {@code epoch,accuracy,loss,val_accuracy,val_loss,...}, one row per epoch. */
    KERAS("Keras CSVLogger"),
    /**
     * PyTorch Lightning {@code CSVLogger} {@code metrics.csv}: {@code epoch} and {@code step} columns;
     * step rows carry training values, epoch rows validation values, and the other cells are blank.
     */
    LIGHTNING("Lightning metrics.csv"),
    /** A TensorBoard scalar exported as CSV: {@code Wall time,Step,Value}; the tag is in the file name. */
    TENSORBOARD("TensorBoard scalar export"),
    /** A Weights and Biases panel export: {@code Step,<run> - <metric>,<run> - <metric>__MIN,...}. */
    WANDB("W&B export"),
    /** Any CSV, with the columns named by --x and --y. */
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
