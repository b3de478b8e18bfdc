package dev.tenon.loading;

import dev.tenon.metadata.Spelling;
import java.util.List;

/** "Did you mean" suggestions for misspelt attribute names. */
final class Names {
    private Names() {
    }

    /** A sentence suggesting the closest valid name, plus the list of valid names. */
    static String didYouMean(String wrong, List<String> valid) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            int distance = Spelling.distance(wrong.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        String suggestion = best != null && (bestDistance <= Math.max(2, wrong.length() / 3) || sharesStem(wrong, best))
                ? "; did you mean '" + best + "'?" : "";
        return suggestion + " Valid names: " + valid;
    }

    // "salary" for "sal", "dept" for "deptno": a word and its abbreviation are far apart by edits but plainly meant.
    private static boolean sharesStem(String wrong, String candidate) {
        String a = wrong.toLowerCase(java.util.Locale.ROOT);
        String b = candidate.toLowerCase(java.util.Locale.ROOT);
        return Math.min(a.length(), b.length()) >= 3 && (a.startsWith(b) || b.startsWith(a));
    }
}
