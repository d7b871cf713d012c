import {
  DEFAULT_RETRY_POLICY,
  describeOutcome,
  nextStep,
  type NextStep,
  type RetryPolicy,
  type SendOutcome,
} from '../../core/reminders/deliveryRetry';

const policy = DEFAULT_RETRY_POLICY;
const half = () => 0.5;
/** Marks a test where chance must play no part. */
const noRandom = () => {
  throw new Error('random() was called');
};

describe('what to do after one attempt to send', () => {
  it('has the default of 8 attempts, 2 s base and a 15-minute ceiling', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({
      maxAttempts: 8,
      baseDelayMs: 2000,
      maxDelayMs: 900_000,
    });
  });

  it.each<[string, SendOutcome, NextStep]>([
    ['Teams accepted it', { kind: 'delivered' }, { action: 'sent' }],
    [
      'the person has not installed the app',
      { kind: 'not-installed' },
      { action: 'skip', reason: 'not installed' },
    ],
    [
      'Teams answered 403 (blocked or removed the bot)',
      { kind: 'gone', status: 403 },
      { action: 'dead', reason: 'Teams answered 403: the person blocked or removed the bot' },
    ],
    [
      'Teams answered 404 (the conversation is gone)',
      { kind: 'gone', status: 404 },
      { action: 'dead', reason: 'Teams answered 404: the conversation is gone' },
    ],
    [
      'Teams answered 400',
      { kind: 'failed', status: 400, reason: 'Bad Request' },
      { action: 'dead', reason: 'Teams refused with 400: Bad Request' },
    ],
    [
      'Teams answered 401',
      { kind: 'failed', status: 401, reason: 'Unauthorized' },
      { action: 'dead', reason: 'Teams refused with 401: Unauthorized' },
    ],
    [
      'Teams answered 413',
      { kind: 'failed', status: 413, reason: 'Payload Too Large' },
      { action: 'dead', reason: 'Teams refused with 413: Payload Too Large' },
    ],
  ])('when %s on the first attempt, then the step is final', (_case, outcome, expected) => {
    expect(nextStep(outcome, 1, policy, noRandom)).toEqual(expected);
  });

  it.each<[string, SendOutcome]>([
    ['412', { kind: 'failed', status: 412, reason: 'Precondition Failed' }],
    ['500', { kind: 'failed', status: 500, reason: 'Internal Server Error' }],
    ['502', { kind: 'failed', status: 502, reason: 'Bad Gateway' }],
    ['503', { kind: 'failed', status: 503, reason: 'Service Unavailable' }],
    ['504', { kind: 'failed', status: 504, reason: 'Gateway Timeout' }],
    ['no answer at all', { kind: 'failed', reason: 'ECONNRESET' }],
    ['429 without Retry-After', { kind: 'throttled' }],
  ])('when Teams answered %s, then it is retried after a backoff', (_case, outcome) => {
    expect(nextStep(outcome, 3, policy, half)).toEqual({ action: 'retry', delayMs: 4000 });
  });
});

describe('429 with Retry-After', () => {
  it.each([[1], [250], [30_000], [3_600_000]])(
    'when Teams asks to wait %i ms, then the retry waits exactly that',
    (retryAfterMs) => {
      expect(nextStep({ kind: 'throttled', retryAfterMs }, 2, policy, noRandom)).toEqual({
        action: 'retry',
        delayMs: retryAfterMs,
      });
    },
  );

  it('when the last attempt was throttled, then the job is dead-lettered anyway', () => {
    expect(nextStep({ kind: 'throttled', retryAfterMs: 5000 }, 8, policy, noRandom)).toEqual({
      action: 'dead',
      reason: 'gave up after 8 attempts',
    });
  });
});

describe('full-jitter exponential backoff', () => {
  const unavailable: SendOutcome = { kind: 'failed', status: 503, reason: 'Service Unavailable' };

  it.each([
    // attempts, random, delay: random × min(15 min, 2 s × 2^(attempts − 1)), at least 1 s
    [1, 0.5, 1000],
    [2, 0.5, 2000],
    [3, 0.5, 4000],
    [5, 0.5, 16_000],
    [7, 0.5, 64_000],
    [7, 0.99, 126_720],
    [3, 0.999999, 7999],
    [1, 0, 1000],
    [1, 0.1, 1000],
    [4, 0, 1000],
    [4, 0.2, 3200],
  ])(
    'when attempt %i failed and chance draws %d, then the retry waits %i ms',
    (attempts, draw, delayMs) => {
      expect(nextStep(unavailable, attempts, policy, () => draw)).toEqual({
        action: 'retry',
        delayMs,
      });
    },
  );

  it.each([
    [4, 0.5, 5000],
    [10, 0.5, 5000],
    [30, 0.999, 9990],
  ])(
    'when the ceiling of 10 s is reached at attempt %i with %d, then the wait is %i ms',
    (attempts, draw, delayMs) => {
      const capped: RetryPolicy = { maxAttempts: 40, baseDelayMs: 2000, maxDelayMs: 10_000 };
      expect(nextStep(unavailable, attempts, capped, () => draw)).toEqual({
        action: 'retry',
        delayMs,
      });
    },
  );

  it('when instances fail together, then their retries spread over the whole window', () => {
    const draws = [0.05, 0.3, 0.55, 0.8, 0.95];
    const delays = draws.map((draw) => {
      const step = nextStep(unavailable, 6, policy, () => draw);
      return step.action === 'retry' ? step.delayMs : undefined;
    });
    expect(delays).toEqual([3200, 19_200, 35_200, 51_200, 60_800]);
  });
});

describe('giving up', () => {
  it.each<[number, NextStep['action']]>([
    [1, 'retry'],
    [7, 'retry'],
    [8, 'dead'],
    [9, 'dead'],
  ])('when attempt %i failed with 502, then the step is %s', (attempts, action) => {
    const step = nextStep(
      { kind: 'failed', status: 502, reason: 'Bad Gateway' },
      attempts,
      policy,
      half,
    );
    expect(step.action).toBe(action);
    if (step.action === 'dead') expect(step.reason).toBe(`gave up after ${attempts} attempts`);
  });

  it('when the last attempt was delivered, then it is sent, not given up', () => {
    expect(nextStep({ kind: 'delivered' }, 8, policy, noRandom)).toEqual({ action: 'sent' });
  });
});

describe('an outcome in words, for the job and the logs', () => {
  it.each<[SendOutcome, string]>([
    [{ kind: 'delivered' }, 'delivered'],
    [{ kind: 'not-installed' }, 'not-installed'],
    [{ kind: 'gone', status: 403 }, 'Teams answered 403'],
    [{ kind: 'throttled', retryAfterMs: 5000 }, 'Teams answered 429'],
    [{ kind: 'failed', status: 503, reason: 'Service Unavailable' }, '503: Service Unavailable'],
    [{ kind: 'failed', reason: 'ECONNRESET' }, 'network error: ECONNRESET'],
  ])('when the outcome is %j, then it reads "%s"', (outcome, words) => {
    expect(describeOutcome(outcome)).toBe(words);
  });
});
