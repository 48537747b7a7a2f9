package io.solidafy.cdk.runtime.selection;

import com.beust.jcommander.converters.IParameterSplitter;
import java.util.List;

/**
 * Hands a list option's value to the command unsplit, for options such as {@code --streams} whose
 * own syntax decides what a comma means ({@link StreamNames}).
 */
public final class WholeValue implements IParameterSplitter {

    @Override
    public List<String> split(String value) {
        return List.of(value);
    }
}
