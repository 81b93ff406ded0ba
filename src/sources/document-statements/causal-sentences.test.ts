import { describe, expect, it } from 'vitest';
import { causalSentences } from './causal-sentences.js';

const lines = (...texts: string[]) => texts.map((text, i) => ({ text, number: i + 1 }));
const causes = (...texts: string[]) => causalSentences(lines(...texts)).map((s) => s.text);

describe('causalSentences', () => {
  it('keeps the sentence that states the cause, with its line', () => {
    // dfds PM2021-005, "## Summary"
    const found = causalSentences(
      lines(
        'On Tuesday 22nd June 2021, changes to the VPC CNI caused target groups to become detached from the ALB. This, in turn, meant that all inbound traffic failed to reach the cluster.',
        '',
        'The changes to the VPC CNI were caused by refactoring and cleanup intended to allow EKS add-ons to be managed by native Terraform instead of kubectl.',
      ),
    );
    expect(found).toEqual([
      {
        text: 'On Tuesday 22nd June 2021, changes to the VPC CNI caused target groups to become detached from the ALB.',
        line: 1,
      },
      {
        text: 'The changes to the VPC CNI were caused by refactoring and cleanup intended to allow EKS add-ons to be managed by native Terraform instead of kubectl.',
        line: 3,
      },
    ]);
  });

  it('reads "due to", "resulted in", "triggered" and a stated root cause', () => {
    expect(
      causes(
        // dfds PM2022-004, PM2021-010, PM2021-009, PM2024-001
        "Kafka metrics missing from Prometheus due to kafka-exporter's /metrics endpoint being too slow to load.",
        'Ingress object pointing towards a Secret with a data format not expected by Traefik resulted in Traefik being unable to forward requests.',
        'Malformed IngressRoute manifest applied to Kubernetes triggered a bug in Traefik v2 (version < 2.5).',
        'The root cause was a Grafana Agent pod using a high amount of memory on a node.',
      ),
    ).toHaveLength(4);
  });

  it('leaves sentences that deny, hedge, only mention a cause or report that something ran', () => {
    expect(
      causes(
        'The deploy did not cause the outage.',
        'This will always cause a 401!',
        'Potentially causing all of the pods running on that node to not be authenticated towards AWS.',
        "We're trying to identify the root cause and how this can be avoided on the next node rollover.",
        'Several root causes can display similar symptoms.',
        'On the 15th of February a scheduled cluster pipeline was automatically triggered, run and failed.',
        'We restarted the pods because the dashboard was slow.',
        'Did the config change cause it?',
        // The harm done, not what did it (gattaca-com/helix, MIT).
        'We sincerely apologise for the disruption caused and are committed to ensuring the integrity of our relay.',
        'We apologise for any inconvenience caused.',
      ),
    ).toEqual([]);
  });

  it('joins a sentence wrapped over lines and cites the line it starts on', () => {
    // dfds PM2022-009, "## Summary", wrapped as written
    const found = causalSentences(
      lines(
        'On Monday our daily-rollover process spawned new nodes based on the latest AWS EKS-node AMI which was later recalled due to a Kernel ',
        'issue. This bad node image caused sporadic communication issues in our cluster, notably nodes briefly reportng "PLEG is not healthy" and ',
        'occasionally reporting as unhealthy.',
      ),
    );
    expect(found.map((s) => s.line)).toEqual([1, 2]);
    expect(found[1].text).toMatch(/^This bad node image caused .* occasionally reporting as unhealthy\.$/);
  });

  it('reads a cause that points back ("This combination triggered …") with the sentence it points to', () => {
    // PostHog 2025-09-29 flags-is-down, "## Summary"
    const found = causalSentences(
      lines(
        'A database connection timeout reduction from 1 second to 300 milliseconds coincided with elevated load on our writer database from person ingestion. This combination triggered cascading failures in our connection retry logic, resulting in a service-wide outage. Recovery was significantly delayed by hardcoded configuration values.',
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(1);
    expect(found[0].text).toMatch(
      /^A database connection timeout reduction .* This combination triggered cascading failures/,
    );
  });

  it('does not split a sentence after a day number', () => {
    // dfds PM2020-004
    expect(
      causes(
        'On Monday 3. February 2020, a planned upgrade of the Hellman Kubernetes cluster from version 1.13 to 1.14 caused a minor DNS related issue.',
      ),
    ).toEqual([
      'On Monday 3. February 2020, a planned upgrade of the Hellman Kubernetes cluster from version 1.13 to 1.14 caused a minor DNS related issue.',
    ]);
  });
});
