import { describe, expect, it } from 'vitest';
import { isMetricSample } from '../../src/recognition/metric-sample.js';

describe('a Prometheus sample line', () => {
  it('is a metric name, its labels and a value, an optional timestamp, a blank line after it', () => {
    expect(isMetricSample('mqerr_errors_total{vendor="tencent",code="InternalError",category="server"} 3')).toBe(true);
    expect(isMetricSample('api_errors_total{code="Throttling.User"} 1 1795342026000\n\n')).toBe(true);
    expect(isMetricSample('api:errors:rate5m{code="LimitExceeded"} 1.5e-03')).toBe(true);
    expect(isMetricSample('api_errors_total{code="LimitExceeded"} NaN')).toBe(true);
    expect(isMetricSample('api_errors_total{code="LimitExceeded"} +Inf\r')).toBe(true);
  });

  it('is not a log line that holds braces, nor two lines, nor a sample with words after it', () => {
    expect(isMetricSample('publish failed {code="InternalError"} 3')).toBe(false);
    expect(isMetricSample('2026-11-22T10:07:06Z api_errors_total{code="InternalError"} 3')).toBe(false);
    expect(isMetricSample('api_errors_total{code="InternalError"} 3 retries left')).toBe(false);
    expect(isMetricSample('api_errors_total{code="InternalError"} 3\nRequestId=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')).toBe(false);
    expect(isMetricSample('Error{"code":"InternalError"} 3')).toBe(false);
    expect(isMetricSample('api_errors_total{code="InternalError"}')).toBe(false);
    expect(isMetricSample('api_errors_total 3')).toBe(false);
  });
});
