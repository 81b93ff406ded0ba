import type { Rule } from './rule.js';

/** Written from the suspects' evidence against them, so the finding and the ranking agree. */
export const symptomPrecedesChange: Rule = {
  id: 'symptom-precedes-change',
  check(ctx) {
    return ctx.suspects.flatMap((s) => {
      const against = s.against.find((a) => a.startsWith('symptom-precedes-change: '));
      if (!against) return [];
      const symptomRef = against.slice('symptom-precedes-change: '.length).split(' ')[0];
      return [
        {
          severity: 'medium' as const,
          statement: `A symptom came before ${s.ref}: ${against.slice('symptom-precedes-change: '.length)}. The change may have worsened the incident but cannot have started it alone.`,
          evidenceRefs: [symptomRef, s.ref],
        },
      ];
    });
  },
};
