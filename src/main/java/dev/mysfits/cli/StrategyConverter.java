package dev.mysfits.cli;

import dev.mysfits.core.DeploymentStrategy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;

/** --strategy: rolling, blue-green, canary or linear. */
final class StrategyConverter implements ITypeConverter<DeploymentStrategy.Kind> {
    @Override
    public DeploymentStrategy.Kind convert(String value) {
        DeploymentStrategy.Kind kind = DeploymentStrategy.Kind.parse(value);
        if (kind == null) {
            throw new TypeConversionException("'" + value + "' is not a strategy: use rolling, blue-green, canary or linear");
        }
        return kind;
    }

    /** The names completion offers. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(DeploymentStrategy.Kind.values()).map(DeploymentStrategy.Kind::label).iterator();
        }
    }
}
