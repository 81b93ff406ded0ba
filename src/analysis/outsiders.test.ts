import { describe, expect, it } from 'vitest';
import { outsiderActs } from './outsiders.js';

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
});
