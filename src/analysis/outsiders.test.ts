import { describe, expect, it } from 'vitest';
import type { Event } from '../model/index.js';
import { byOutsider, outsiderActs } from './outsiders.js';

describe('outsiderActs', () => {
  it('finds users, customers and attackers acting', () => {
    for (const text of [
      'A user published a package with a 40 MB manifest',
      'a customer deployed their app with 400 workers',
      '10/20/2022 - 15:38 CST - a user, farmer_diamonds, converted the channel to public',
      'Malicious user redirected downloads with an unreviewed wiki edit',
      'Package published by a user in the public registry',
    ])
      expect(outsiderActs(text), text).toBe(true);
  });

  it('does not take our own changes to user-facing things for theirs', () => {
    for (const text of [
      'User service v2 deployed',
      'Deploy user-facing api v3',
      'The customer success team updated the banner',
      'Config change applied to the customer database',
    ])
      expect(outsiderActs(text), text).toBe(false);
  });

  it('reads who made a change from its first sentence, not from the story told after it', () => {
    const change = (summary: string) => ({ summary }) as Event;
    expect(
      byOutsider(
        change(
          "We updated the platform's primary domain name. Both customers reported success following the change.",
        ),
      ),
    ).toBe(false);
    expect(byOutsider(change('A customer deployed their app with 400 workers. We saw load rise.'))).toBe(
      true,
    );
  });
});
