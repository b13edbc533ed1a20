package dev.loyalty.domain.earning;

/**
 * How the exact points of a whole purchase become whole points. Applied once, to the total of the
 * purchase, never to each line. The exact amount is counted in millionths of a point
 * ({@link EarnedPoints#MILLIONTHS_PER_POINT}) and is never negative.
 */
public enum PointsRounding {

    /** Drop the fraction: 2.97 points earn 2. The default. */
    FLOOR {
        @Override
        public long round(long millionths) {
            return requireNotNegative(millionths) / EarnedPoints.MILLIONTHS_PER_POINT;
        }
    },

    /** To the nearest point, a half up: 2.97 earn 3, 2.5 earn 3, 2.49 earn 2. */
    HALF_UP {
        @Override
        public long round(long millionths) {
            return Math.addExact(requireNotNegative(millionths), EarnedPoints.MILLIONTHS_PER_POINT / 2)
                    / EarnedPoints.MILLIONTHS_PER_POINT;
        }
    };

    /**
     * @param millionths an exact amount of points in millionths of a point, zero or more
     * @return the whole points
     * @throws IllegalArgumentException for a negative amount
     */
    public abstract long round(long millionths);

    private static long requireNotNegative(long millionths) {
        if (millionths < 0) {
            throw new IllegalArgumentException("cannot round negative points: " + millionths);
        }
        return millionths;
    }
}
