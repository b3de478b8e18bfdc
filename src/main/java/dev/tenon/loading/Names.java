package dev.tenon.loading;

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
            int distance = distance(wrong.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
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

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
