package org.mbp.scene;

/**
 * Merges regions smaller than a minimum area into a neighbour, so ground truth has no specks.
 * Repeatedly the smallest region below the minimum (ties: lowest number) joins the neighbour
 * with which it shares the longest boundary (ties: lowest number), until every region reaches
 * the minimum or a single region remains. A region merged this way stays 4-connected.
 */
final class SpeckRemoval {

    private SpeckRemoval() {
    }

    /**
     * For each region of a dense, 4-connected label map with n regions, the region whose
     * identity it ends up in (itself when it survives).
     */
    static int[] survivors(int[] regions, int n, int width, int height, int minArea) {
        int[] area = Regions.areas(regions, n);
        int[][] boundary = Regions.boundaries(regions, width, height, n);
        int[] into = new int[n];
        boolean[] alive = new boolean[n];
        for (int r = 0; r < n; r++) {
            into[r] = r;
            alive[r] = true;
        }
        for (int remaining = n; remaining > 1; remaining--) {
            int speck = smallest(area, alive, minArea);
            if (speck < 0) {
                break;
            }
            int host = longestBoundary(boundary[speck], alive);
            for (int r = 0; r < n; r++) {
                if (r != host && boundary[speck][r] > 0) {
                    boundary[host][r] += boundary[speck][r];
                    boundary[r][host] = boundary[host][r];
                }
                boundary[r][speck] = 0;
                boundary[speck][r] = 0;
            }
            area[host] += area[speck];
            alive[speck] = false;
            into[speck] = host;
        }
        int[] survivor = new int[n];
        for (int r = 0; r < n; r++) {
            int s = r;
            while (into[s] != s) {
                s = into[s];
            }
            survivor[r] = s;
        }
        return survivor;
    }

    private static int smallest(int[] area, boolean[] alive, int minArea) {
        int best = -1;
        for (int r = 0; r < area.length; r++) {
            if (alive[r] && area[r] < minArea && (best < 0 || area[r] < area[best])) {
                best = r;
            }
        }
        return best;
    }

    private static int longestBoundary(int[] shared, boolean[] alive) {
        int best = -1;
        for (int r = 0; r < shared.length; r++) {
            if (alive[r] && shared[r] > 0 && (best < 0 || shared[r] > shared[best])) {
                best = r;
            }
        }
        return best;
    }
}
