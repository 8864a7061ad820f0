/**
 * Where a passenger-rights regime follows the airport. EU means the territory where Regulation
 * (EC) 261/2004 applies: the 27 member states (their outermost regions share the country code or
 * have their own, listed below), the EEA states Iceland, Norway and Liechtenstein, and
 * Switzerland by its air-transport agreement. UK is Great Britain and Northern Ireland (UK261);
 * the Channel Islands, the Isle of Man and Gibraltar are outside it. US includes the territories
 * where the DOT rules apply.
 */
export type RegulatoryRegion = 'EU' | 'UK' | 'CA' | 'US' | 'OTHER';

const EU_MEMBER_STATES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const;
/** French outermost regions with their own ISO code (Guadeloupe, French Guiana, Martinique, Réunion, Mayotte, Saint-Martin). */
const EU_OUTERMOST_REGIONS = ['GP', 'GF', 'MQ', 'RE', 'YT', 'MF'] as const;
const EEA_AND_SWITZERLAND = ['IS', 'NO', 'LI', 'CH'] as const;
const US_AND_TERRITORIES = ['US', 'PR', 'VI', 'GU', 'AS', 'MP'] as const;

const REGION_BY_COUNTRY: ReadonlyMap<string, RegulatoryRegion> = new Map<string, RegulatoryRegion>([
  ...[...EU_MEMBER_STATES, ...EU_OUTERMOST_REGIONS, ...EEA_AND_SWITZERLAND].map(
    (code) => [code, 'EU'] as const,
  ),
  ['GB', 'UK'],
  ['CA', 'CA'],
  ...US_AND_TERRITORIES.map((code) => [code, 'US'] as const),
]);

/** The regulatory region of an ISO 3166-1 alpha-2 country code; OTHER when none of ours applies. */
export function regulatoryRegionOf(countryCode: string): RegulatoryRegion {
  return REGION_BY_COUNTRY.get(countryCode.toUpperCase()) ?? 'OTHER';
}
