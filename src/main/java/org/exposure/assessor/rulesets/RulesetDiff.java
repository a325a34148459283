package org.exposure.assessor.rulesets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/** What changed between two rulesets' files: files added, removed, and each changed file as a unified diff. */
public final class RulesetDiff {
    /** Lines of context around each change, as diff -u gives. */
    private static final int CONTEXT = 3;

    private RulesetDiff() {
    }

    /** A changed file and its unified diff from the base's content to the other's. */
    public record ChangedFile(String path, String diff) {
    }

    public record Files(List<String> added, List<String> removed, List<ChangedFile> changed) {
    }

    /** From {@code base} to {@code other}, both by path from the ruleset's root; paths in order. */
    public static Files between(Map<String, String> base, Map<String, String> other) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<ChangedFile> changed = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(base.keySet());
        paths.addAll(other.keySet());
        for (String path : paths) {
            String before = base.get(path);
            String after = other.get(path);
            if (before == null) {
                added.add(path);
            } else if (after == null) {
                removed.add(path);
            } else if (!Objects.equals(before, after)) {
                changed.add(new ChangedFile(path, unified(path, before, after)));
            }
        }
        return new Files(added, removed, changed);
    }

    static String unified(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, CONTEXT);
        return String.join("\n", out) + "\n";
    }

    private static List<String> lines(String content) {
        // The last line's newline is not a line of its own.
        String text = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\r?\n", -1));
    }
}
