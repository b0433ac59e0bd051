package dev.mysfits.core;

import java.util.Locale;
import java.util.regex.Pattern;

/** ECR's rules for repository names, checked before any AWS call so a bad name changes nothing. */
public final class EcrRepositoryName {
    private static final Pattern VALID =
            Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");

    private EcrRepositoryName() {
    }

    public static boolean isValid(String name) {
        return name != null && name.length() >= 2 && name.length() <= 256 && VALID.matcher(name).matches();
    }

    /**
     * Throws a usage error naming the fix when the name breaks ECR's rules.
     *
     * @param where where the name came from, for the hint ("\"repository\" of service monolith in mysfits.json")
     */
    public static String validate(String name, String where) {
        if (isValid(name)) {
            return name;
        }
        String shown = name == null ? "" : name;
        String lower = shown.toLowerCase(Locale.ROOT);
        if (!shown.equals(lower) && isValid(lower)) {
            throw MysfitsException.usage("repository name '" + shown + "' is invalid: ECR repository names must be"
                    + " lowercase: use '" + lower + "'", "change " + where);
        }
        String why = shown.length() < 2 || shown.length() > 256
                ? "ECR repository names are 2 to 256 characters long"
                : "ECR repository names are lowercase letters and digits, separated by '.', '_', '-' or '/'"
                + " (no separator at the start or end, none twice in a row)";
        throw MysfitsException.usage("repository name '" + shown + "' is invalid: " + why, "change " + where);
    }
}
