package dev.loyalty.domain.campaign.evaluation;

/**
 * Student's t distribution for any positive (not necessarily whole) degrees of freedom, as the
 * Welch-Satterthwaite approximation produces them. The distribution function comes from the
 * regularized incomplete beta function (Lentz's continued fraction, Lanczos' log-gamma); the
 * quantile inverts it by bisection to 1e-12 relative. Beyond {@value #NORMAL_BEYOND} degrees of
 * freedom the t and the normal distribution agree to better than 1e-6 and the normal quantile is used.
 */
public final class StudentT {

    /** Degrees of freedom past which the normal quantile stands for the t quantile. */
    static final double NORMAL_BEYOND = 1e7;

    /** The standard normal's 97.5% quantile, to the six decimals statistics tables give. */
    public static final double Z_975 = 1.959964;

    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 100_000;
    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    private StudentT() {}

    /**
     * @param t the point
     * @param df degrees of freedom, positive
     * @return P(T <= t)
     */
    public static double cdf(double t, double df) {
        requireDegrees(df);
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("t is a number");
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 1 : 0;
        }
        double tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /**
     * @param p a probability strictly between 0 and 1
     * @param df degrees of freedom, positive
     * @return the t with P(T <= t) = p
     */
    public static double quantile(double p, double df) {
        requireDegrees(df);
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p is strictly between 0 and 1, got " + p);
        }
        if (p < 0.5) {
            return -quantile(1 - p, df);
        }
        if (p == 0.5) {
            return 0;
        }
        if (df > NORMAL_BEYOND) {
            return normalQuantile(p);
        }
        double low = 0;
        double high = 1;
        while (cdf(high, df) < p) {
            low = high;
            high *= 2;
            if (high > 1e300) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int i = 0; i < 400 && high - low > 1e-12 * Math.max(1, high); i++) {
            double middle = (low + high) / 2;
            if (cdf(middle, df) < p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** The standard normal quantile (Acklam's rational approximation: 1.2e-9 relative, ample at six decimals). */
    static double normalQuantile(double p) {
        double[] a = {
            -3.969683028665376e+01,
            2.209460984245205e+02,
            -2.759285104469687e+02,
            1.383577518672690e+02,
            -3.066479806614716e+01,
            2.506628277459239e+00
        };
        double[] b = {
            -5.447609879822406e+01,
            1.615858368580409e+02,
            -1.556989798598866e+02,
            6.680131188771972e+01,
            -1.328068155288572e+01
        };
        double[] c = {
            -7.784894002430293e-03,
            -3.223964580411365e-01,
            -2.400758277161838e+00,
            -2.549732539343734e+00,
            4.374664141464968e+00,
            2.938163982698783e+00
        };
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double x;
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p <= 1 - 0.02425) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                    * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        return x;
    }

    /**
     * I_x(a, b), the regularized incomplete beta function.
     *
     * @param x in [0, 1]
     * @param a positive
     * @param b positive
     */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    /** The incomplete beta's continued fraction by the modified Lentz method. */
    private static double continuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) {
            d = TINY;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return h;
            }
        }
        throw new ArithmeticException(
                "the incomplete beta's continued fraction did not converge (a=" + a + ", b=" + b + ", x=" + x + ")");
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: 1e-15 relative). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // reflection: Γ(x) Γ(1-x) = π / sin(πx)
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    private static void requireDegrees(double df) {
        if (!(df > 0) || Double.isInfinite(df)) {
            throw new IllegalArgumentException("degrees of freedom are positive and finite, got " + df);
        }
    }
}
