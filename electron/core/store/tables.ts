import type { EntityName } from '../../../shared/domain/entities.ts';

/** The SQLite table that materialises each entity. */
export const TABLE_OF: Record<EntityName, string> = {
  commandNode: 'command_nodes',
  incident: 'incidents',
  task: 'tasks',
  depot: 'depots',
  stockItem: 'stock_items',
  stockMovement: 'stock_movements',
  team: 'teams',
  shelter: 'shelters',
  networkLink: 'network_links',
  networkEvent: 'network_events',
  wallLayout: 'wall_layouts',
  consultationSession: 'consultation_sessions',
  consultationEntry: 'consultation_entries',
  alert: 'alerts',
  boundary: 'boundaries',
  hazardTrack: 'hazard_tracks',
  allocation: 'allocations',
  allocationStep: 'allocation_steps',
  equipment: 'equipment',
  volunteer: 'volunteers',
  namedArea: 'named_areas',
  incidentEntry: 'incident_entries',
  taskEntry: 'task_entries',
};
