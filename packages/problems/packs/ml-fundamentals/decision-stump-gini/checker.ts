/**
 * One tolerance does not fit the three fields ([J31] would take a threshold 0.5 off at 10^6, within
 * 1e-6 relative): `feature` must match exactly; `threshold` is a midpoint of two given values, which
 * any double-precision formula ((a + b) / 2, a + (b − a) / 2) gets within a few ulps, so it may differ
 * by 1e-9 · max(1, |expected|) and no more (an endpoint, or the midpoint of other values, is further
 * off wherever two values differ by more than that); `impurity` is a sum of rounded fractions, accepted
 * within 1e-6 absolute or relative, as the statement says.
 */
interface Stump {
  feature: number;
  threshold: number;
  impurity: number;
}

const THRESHOLD_TOLERANCE = 1e-9;
const IMPURITY_TOLERANCE = 1e-6;

/** A wire value ([J2]) as a finite number: -0 arrives tagged, and NaN or an infinity is undefined. */
function finite(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  const tagged = value !== null && typeof value === 'object' && (value as { $float?: unknown }).$float === '-0';
  return tagged ? 0 : undefined;
}

function check(_input: unknown, expected: Stump, actual: Stump) {
  if (actual.feature !== expected.feature)
    return { ok: false, message: `feature: expected ${expected.feature}, got ${JSON.stringify(actual.feature)}` };
  const threshold = finite(actual.threshold);
  if (
    threshold === undefined ||
    Math.abs(threshold - expected.threshold) > THRESHOLD_TOLERANCE * Math.max(1, Math.abs(expected.threshold))
  )
    return {
      ok: false,
      message: `threshold: expected ${expected.threshold}, got ${JSON.stringify(actual.threshold)} (allowed error 1e-9 · max(1, |threshold|))`,
    };
  const impurity = finite(actual.impurity);
  if (
    impurity === undefined ||
    Math.abs(impurity - expected.impurity) >
      Math.max(IMPURITY_TOLERANCE, IMPURITY_TOLERANCE * Math.abs(expected.impurity))
  )
    return {
      ok: false,
      message: `impurity: expected ${expected.impurity}, got ${JSON.stringify(actual.impurity)} (allowed error 1e-6)`,
    };
  return true;
}
