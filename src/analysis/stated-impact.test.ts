import { describe, expect, it } from 'vitest';
import { readStatedImpact } from './stated-impact.js';

const read = (text: string) => readStatedImpact(text).map((s) => [s.kind, s.subject, s.value]);

// Lines as written in the fixtures and corpora (file named beside each).
describe('reading the impact a message states', () => {
  it('reads a rise in tickets from a support message (examples/checkout-five-tools Slack)', () => {
    expect(read("thanks — ticket volume is climbing, I'll hold the status page until we know more")).toEqual([
      ['rise', 'tickets', null],
    ]);
  });

  it('reads customers who cannot do something (examples/checkout-five-tools Slack)', () => {
    const [s] = readStatedImpact(
      'Support is seeing a spike of 502s on checkout since about 14:10 — customers in the UK and EU say card payments fail at the last step',
    );
    expect([s.kind, s.subject]).toEqual(['inability', 'customers']);
    expect(s.phrase).toBe('customers in the UK and EU say card payments fail');
  });

  it('reads a multiplier written with a sign or in words', () => {
    expect(read('ticket volume up 4× since 14:10')).toEqual([['multiplier', 'tickets', 4]]);
    expect(read('we have 3x the usual complaints')).toEqual([['multiplier', 'complaints', 3]]);
    expect(read('Support says errors are four times normal')).toEqual([['multiplier', 'errors', 4]]);
  });

  it('reads counts of customers (PostHog 2026-01-17 replay SDK postmortem)', () => {
    expect(
      read('At least 6 customers reported issues with the PostHog SDK after the changes were released'),
    ).toEqual([['count', 'customers', 6]]);
    expect(read('an issue affecting 305 customers')).toEqual([['count', 'customers', 305]]);
  });

  it('reads shares of requests and of a user base (PostHog 2025-09-29, seed 001)', () => {
    expect(
      read(
        'During this period, approximately 78% of flag evaluation requests in the US region failed with HTTP 504 errors',
      ),
    ).toEqual([['share', 'requests', 78]]);
    expect(read('The outage impacted approximately 20% of our user base during that timeframe.')).toEqual([
      ['share', 'users', 20],
    ]);
  });

  it('reads people unable to sign in (dfds PM2021-004)', () => {
    expect(
      read(
        'Platform users were unable to sign into the AWS web console via ADFS or via SAML to perform actions',
      ),
    ).toEqual([['inability', 'users', null]]);
  });

  it('reads a status page message to customers (test/fixtures/opsgenie)', () => {
    expect(
      read(
        "Investigating a P1 incident with the Checkout API in us-east-1. Customers may see 504 errors or delays during purchase. We've identified a database lock",
      ),
    ).toEqual([['inability', 'customers', null]]);
  });

  it('takes no severity, version, status code or id for a count', () => {
    expect(read('| 2023-02-14 11:07 | Sev 1 ticket raised')).toEqual([]);
    expect(read('Deploy checkout v3 requests handler')).toEqual([]);
    expect(read('the ingress answers 502 errors for POST /api/checkout/confirm')).toEqual([]);
    expect(read('see ticket #4821 orders')).toEqual([]);
  });

  it('reads nothing where the message denies or only supposes the harm', () => {
    expect(read('no customers reported anything so far')).toEqual([]);
    expect(read('if users cannot log in we page the identity team')).toEqual([]);
  });

  it('reads nothing in messages that state no harm to users', () => {
    for (const text of [
      'ack, looking',
      'agreed, go ahead',
      'rolling back to v3.7.4',
      'error rate back to normal (0.08% 5xx), all 3 checkout pods on v3.7.4 and ready',
      'Rollout of checkout to 7c9d5f6b8d (v3.8.0): 3 replicas up, 3 down',
    ])
      expect(read(text)).toEqual([]);
  });

  it('runs in linear time on a long line without a unit', () => {
    const start = performance.now();
    readStatedImpact(`${'12 a-b '.repeat(5000)}x`);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('reading a rise said in words', () => {
  it('reads a rise of a unit named after it', () => {
    expect(read('we are seeing a surge in support tickets')).toEqual([['rise', 'tickets', null]]);
  });

  it('takes no spike of status codes for a rise of a unit', () => {
    expect(read('Support is seeing a spike of 502s on checkout since about 14:10')).toEqual([]);
  });
});
