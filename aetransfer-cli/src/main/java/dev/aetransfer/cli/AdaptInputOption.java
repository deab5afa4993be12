package dev.aetransfer.cli;

import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.transfer.InputAdaptation;
import picocli.CommandLine.Option;

/** {@code --adapt-input}: converts data to a model's input shape, or explains what would. */
final class AdaptInputOption {

    @Option(
            names = "--adapt-input",
            paramLabel = "resize,gray,rgb",
            defaultValue = "none",
            description =
                    "Convert images to the model's input: resize, "
                            + "gray (RGB to grey), rgb (grey to RGB).")
    private String adaptInput;

    /** The samples converted to {@code input} with the allowed conversions. */
    SampleSet adapt(SampleSet samples, SampleShape input) {
        return InputAdaptation.adapt(samples, input, InputAdaptation.parse(adaptInput));
    }
}
