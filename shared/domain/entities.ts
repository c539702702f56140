import type { z } from 'zod';
import { Alert } from './alert.ts';
import { Allocation, AllocationStep } from './allocation.ts';
import { Boundary } from './boundary.ts';
import { HazardTrack } from './hazardTrack.ts';
import { CommandNode } from './commandNode.ts';
import { Equipment, Volunteer } from './forces.ts';
import { ConsultationEntry, ConsultationSession } from './consultation.ts';
import { Incident, IncidentEntry } from './incident.ts';
import { NamedArea } from './namedArea.ts';
import { NetworkEvent, NetworkLink } from './network.ts';
import { Depot, Shelter, StockItem, StockMovement, Team } from './resources.ts';
import { Task, TaskEntry } from './task.ts';
import { WallLayout } from './wallLayout.ts';

/**
 * Every replicated entity: its body schema, the field that is its key, and the default
 * sync priority of its ops (P0 alerts … P4 bulk; see sync.md).
 */
export const ENTITIES = {
  commandNode: { schema: CommandNode, key: 'code', priority: 1 },
  incident: { schema: Incident, key: 'id', priority: 1 },
  task: { schema: Task, key: 'id', priority: 0 },
  depot: { schema: Depot, key: 'id', priority: 2 },
  stockItem: { schema: StockItem, key: 'id', priority: 2 },
  stockMovement: { schema: StockMovement, key: 'id', priority: 2 },
  team: { schema: Team, key: 'id', priority: 2 },
  shelter: { schema: Shelter, key: 'id', priority: 2 },
  networkLink: { schema: NetworkLink, key: 'id', priority: 0 },
  networkEvent: { schema: NetworkEvent, key: 'id', priority: 0 },
  wallLayout: { schema: WallLayout, key: 'id', priority: 4 },
  consultationSession: { schema: ConsultationSession, key: 'id', priority: 1 },
  consultationEntry: { schema: ConsultationEntry, key: 'id', priority: 1 },
  alert: { schema: Alert, key: 'id', priority: 0 },
  boundary: { schema: Boundary, key: 'code', priority: 4 },
  hazardTrack: { schema: HazardTrack, key: 'id', priority: 2 },
  allocation: { schema: Allocation, key: 'id', priority: 0 },
  allocationStep: { schema: AllocationStep, key: 'id', priority: 0 },
  equipment: { schema: Equipment, key: 'id', priority: 2 },
  volunteer: { schema: Volunteer, key: 'id', priority: 2 },
  namedArea: { schema: NamedArea, key: 'id', priority: 1 },
  incidentEntry: { schema: IncidentEntry, key: 'id', priority: 1 },
  taskEntry: { schema: TaskEntry, key: 'id', priority: 0 },
} as const satisfies Record<string, { schema: z.ZodType; key: string; priority: 0 | 1 | 2 | 3 | 4 }>;

export type EntityName = keyof typeof ENTITIES;
export type EntityBody<E extends EntityName> = z.infer<(typeof ENTITIES)[E]['schema']>;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];

export function isEntityName(value: unknown): value is EntityName {
  return typeof value === 'string' && Object.hasOwn(ENTITIES, value);
}
