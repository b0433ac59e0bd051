package dev.mysfits.workflow.revisions;

import dev.mysfits.core.MysfitsException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task-definition revision as a person names it: its number ("3"), "family:3", or its ARN.
 *
 * @param family the family named, or null when only the number was given
 */
public record RevisionName(String family, int revision) {
    private static final Pattern NAME = Pattern.compile("(?:arn:[^:]+:ecs:[^:]*:[^:]*:task-definition/)?(?:([A-Za-z0-9_-]{1,255}):)?([0-9]{1,9})");

    /** Checks the form only, before anything is asked of AWS: a bad one is exit 2. */
    public static RevisionName parse(String text, String option, String service) {
        Matcher m = NAME.matcher(text == null ? "" : text.trim());
        if (!m.matches() || Integer.parseInt(m.group(2)) < 1) {
            throw MysfitsException.usage(option + " takes a revision of the service's task-definition family: a number "
                    + "(3), family:number or an ARN, got '" + text + "'", "list them: mysfits revisions " + service);
        }
        return new RevisionName(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** "family:3", once the family is known: a revision of another family is bad input (exit 2). */
    public String in(String family, String option, String service) {
        if (this.family != null && !this.family.equals(family)) {
            throw MysfitsException.usage(option + " " + this.family + ":" + revision + " is not a revision of service "
                    + service + ", whose family is " + family, "name one of " + family + ": mysfits revisions " + service);
        }
        return family + ":" + revision;
    }
}
