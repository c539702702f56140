import type { Incident } from '../domain/incident.ts';
import type { WallLayout, WallRule } from '../domain/wallLayout.ts';

const LEVEL_ORDER = ['I', 'II', 'III', 'IV'] as const;

/** What a rule asks for after an incident changed. */
export interface RuleOutcome {
  action: WallRule['action'];
  presetId: string;
  rule: string;
  /** Both languages: it is shown to whoever is on duty and kept in the audit trail. */
  reason: string;
  /** The incident and level acted on: the same change never triggers twice. */
  trigger: string;
}

/**
 * The first rule an incident's change meets, unless the wall already shows that preset or this
 * very change (incident and level) was already acted on. Closed incidents trigger nothing.
 */
export function ruleOutcome(hall: Pick<WallLayout, 'rules' | 'current' | 'proposal'>, incident: Incident, presetName: (id: string) => string | undefined): RuleOutcome | null {
  if (incident.status === 'closed') return null;
  const trigger = `${incident.id}@${incident.level}`;
  if (hall.current?.trigger === trigger || hall.proposal?.trigger === trigger) return null;
  for (const rule of hall.rules ?? []) {
    if (rule.incidentType && rule.incidentType !== incident.type) continue;
    if (LEVEL_ORDER.indexOf(incident.level) > LEVEL_ORDER.indexOf(rule.minLevel)) continue;
    if (hall.current?.presetId === rule.presetId) return null;
    const name = presetName(rule.presetId);
    if (name === undefined) continue;
    return {
      action: rule.action, presetId: rule.presetId, rule: rule.id, trigger,
      reason: `事件“${incident.title}”为 ${incident.level} 级（规则 ${rule.id}）→ ${name} · incident "${incident.title}" at level ${incident.level} (rule ${rule.id})`,
    };
  }
  return null;
}
