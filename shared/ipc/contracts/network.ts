import { z } from 'zod';
import { call } from '../call.ts';
import { LinkChannel, NetworkNodeCode, SiteKind, type NetworkEvent, type NetworkLink } from '../../domain/network.ts';
import type { NetworkAlarm } from '../../network/alarms.ts';
import type { LocalObservation, NetworkView } from '../../network/view.ts';

const Empty = z.object({}).strict();

/** A topology file as the UI reads it: its name (for messages), its text and its format. */
export const TopologyImport = z.object({
  fileName: z.string().trim().min(1).max(260),
  text: z.string().min(1, 'the file is empty').max(5 * 1024 * 1024, 'the file is larger than 5 MB'),
  format: z.enum(['csv', 'json']),
}).strict();

/** The administrator's change to one node's uplink, or a new site. */
export const LinkEdit = z.object({
  code: NetworkNodeCode,
  parentCode: NetworkNodeCode.optional(),
  name: z.string().trim().min(1).max(120).optional(),
  nameEn: z.string().trim().min(1).max(160).optional(),
  kind: SiteKind.optional(),
  primaryChannel: LinkChannel.optional(),
  backupChannel: LinkChannel.nullable().optional(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
}).strict();

export const AlarmAcknowledge = z.object({
  alarmId: z.string().regex(/^[A-Za-z0-9_.:-]{1,70}$/),
  note: z.string().trim().max(200).optional(),
}).strict();

export const AlarmQuery = z.object({ limit: z.number().int().min(1).max(2000).default(500) }).strict();

export const SampleQuery = z.object({
  code: NetworkNodeCode,
  hours: z.number().min(0.05).max(6).default(6),
}).strict();

/** The command-network status calls (issue 13). */
/** The sync layer's channel names, as `hub --channel` takes them. */
export const UplinkChannel = z.enum(['fibre', 'wireless', 'beidou', 'satphone']);
export const ChannelSwitch = z.object({ channel: UplinkChannel }).strict();

export const NETWORK_CONTRACT = {
  /** The uplink fails over to another channel (or back) without a restart; the switch is recorded as a network event. */
  'network:setChannel': call<typeof ChannelSwitch, { channel: z.infer<typeof UplinkChannel> }>(ChannelSwitch),
  'network:view': call<typeof Empty, NetworkView>(Empty),
  'network:alarms': call<typeof AlarmQuery, NetworkAlarm[]>(AlarmQuery),
  'network:acknowledge': call<typeof AlarmAcknowledge, NetworkAlarm>(AlarmAcknowledge),
  /** The newest history entries, channel switches included, newest first. */
  'network:events': call<typeof AlarmQuery, NetworkEvent[]>(AlarmQuery),
  'network:samples': call<typeof SampleQuery, LocalObservation[]>(SampleQuery),
  'network:importTopology': call<typeof TopologyImport, { imported: number }>(TopologyImport),
  'network:editLink': call<typeof LinkEdit, NetworkLink>(LinkEdit),
};
