export const RISK_LEVELS = ['NONE', 'WATCH', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export function higherRisk(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RISK_LEVELS.indexOf(a) >= RISK_LEVELS.indexOf(b) ? a : b;
}

/** One reason for a risk level, in words a duty manager reads aloud. */
export interface Finding {
  level: Exclude<RiskLevel, 'NONE'>;
  reason: string;
}

export function riskOf(findings: Finding[]): RiskLevel {
  return findings.reduce<RiskLevel>((risk, f) => higherRisk(risk, f.level), 'NONE');
}
