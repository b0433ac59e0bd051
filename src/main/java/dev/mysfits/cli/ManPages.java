package dev.mysfits.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the man pages (troff, section 1) from the commands themselves, so they cannot drift from --help:
 * mysfits.1 and one mysfits-COMMAND.1 per command. Run at package time into target/man/man1.
 */
public final class ManPages {
    private ManPages() {
    }

    /** @param args the output directory, then the version to print in the footer */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        for (Map.Entry<String, String> page : render(Cli.create(new MysfitsCommand()), args[1]).entrySet()) {
            Files.writeString(directory.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** File name → page, for the root and every command a user can run (hidden ones have no page). */
    static Map<String, String> render(CommandLine root, String version) {
        Map<String, String> pages = new LinkedHashMap<>();
        add(pages, root, version);
        return pages;
    }

    private static void add(Map<String, String> pages, CommandLine command, String version) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.usageMessage().hidden()) {
            return;
        }
        pages.put(spec.qualifiedName("-") + ".1", page(command, version));
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getCommandName().equals("help") || !sub.getCommandSpec().name().equals(sub.getCommandName())) {
                continue; // the help command and aliases get no page of their own
            }
            add(pages, sub, version);
        }
    }

    private static String page(CommandLine command, String version) {
        CommandSpec spec = command.getCommandSpec();
        String name = spec.qualifiedName("-");
        String[] description = spec.usageMessage().description();
        StringBuilder out = new StringBuilder();
        out.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" 1 \"\" \"mysfits ").append(escape(version))
                .append("\" \"mysfits Manual\"\n");
        out.append(".SH NAME\n").append(escape(name)).append(" \\- ")
                .append(escape(description.length == 0 ? "" : firstSentence(description[0]))).append('\n');
        out.append(".SH SYNOPSIS\n.nf\n")
                .append(escape(command.getHelp().synopsis(0).strip().replace("Usage: ", ""))).append("\n.fi\n");
        if (description.length > 0) {
            out.append(".SH DESCRIPTION\n");
            for (String paragraph : description) {
                out.append(".PP\n").append(escape(paragraph)).append('\n');
            }
        }
        List<PositionalParamSpec> parameters = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!parameters.isEmpty()) {
            out.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec parameter : parameters) {
                out.append(".TP\n.I ").append(escape(parameter.paramLabel())).append('\n').append(describe(parameter)).append('\n');
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            out.append(".SH OPTIONS\n");
            for (OptionSpec option : options) {
                out.append(".TP\n.B ").append(escape(String.join(", ", option.names())));
                if (option.arity().max() > 0) {
                    out.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
                }
                out.append('\n').append(describe(option)).append('\n');
            }
        }
        Map<String, String> exitCodes = spec.usageMessage().exitCodeList();
        if (!exitCodes.isEmpty()) {
            out.append(".SH EXIT STATUS\n");
            exitCodes.forEach((code, meaning) -> out.append(".TP\n.B ").append(escape(code.strip())).append('\n')
                    .append(escape(meaning.strip())).append('\n'));
        }
        List<String> related = command.getSubcommands().values().stream()
                .filter(s -> !s.getCommandSpec().usageMessage().hidden() && !s.getCommandName().equals("help"))
                .map(s -> s.getCommandSpec().qualifiedName("-")).distinct().toList();
        out.append(".SH SEE ALSO\n");
        String parent = spec.parent() == null ? null : spec.parent().qualifiedName("-");
        List<String> seeAlso = parent != null ? List.of(parent) : related;
        out.append(escape(String.join(", ", seeAlso.stream().map(n -> n + "(1)").toList()))).append('\n');
        return out.toString();
    }

    private static String describe(ArgSpec arg) {
        return escape(String.join(" ", arg.description()));
    }

    private static String firstSentence(String text) {
        int stop = text.indexOf(". ");
        return stop < 0 ? text.replaceAll("\\.$", "") : text.substring(0, stop);
    }

    /** troff: backslashes and dashes escaped, and no line may start with a control character. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder out = new StringBuilder();
        for (String line : escaped.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (line.startsWith(".") || line.startsWith("'")) {
                out.append("\\&");
            }
            out.append(line);
        }
        return out.toString();
    }
}
