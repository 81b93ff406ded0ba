import { InputError } from '../../errors.js';
import { isValidZone } from '../../time/index.js';

/** Validates a `--tz` value: an IANA zone or a known abbreviation. */
export function checkZone(zone: string | undefined): string | undefined {
  if (zone && !isValidZone(zone))
    throw new InputError(
      'BAD_ZONE',
      '--tz',
      `unknown time zone '${zone}' (use an IANA name such as Europe/Berlin, or UTC)`,
    );
  return zone;
}
