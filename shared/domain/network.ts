import { z } from 'zod';
import { AdminCode, Exercise, LonLat, Timestamp } from './common.ts';

/** Channels named by the policy: fibre, private wireless, Beidou short message, satellite phone, ad-hoc. */
export const LinkChannel = z.enum(['fibre', 'privateWireless', 'beidou', 'satellitePhone', 'adHoc']);
export type NetworkChannel = z.infer<typeof LinkChannel>;

/**
 * A site of the network that is not a command node (a depot, a field post): `site-` and a slug.
 * Command nodes are named by their 12-digit administrative code.
 */
export const SiteCode = z.string().regex(/^site-[a-z0-9-]{1,40}$/, 'a site code is "site-" then lowercase letters, digits or dashes');
export const NetworkNodeCode = z.union([AdminCode, SiteCode]);

export const SiteKind = z.enum(['depot', 'fieldPost', 'other']);
export type SiteKind = z.infer<typeof SiteKind>;

/** What the observer above a link measured of it. */
export const MeasuredLinkState = z.enum(['up', 'degraded', 'down']);
export type MeasuredLinkState = z.infer<typeof MeasuredLinkState>;

/**
 * One node's uplink to its parent, keyed by the node's code (every node but the root has one).
 * Written by patches, field by field (last writer wins per field), by three writers that never
 * touch each other's fields: the administrator (topology: parent, channels, site details), the
 * parent that observes the link (state, round trip, last contact), and the node itself (the
 * channel it is using). A change of state is one small P0 op, so it fits a Beidou message.
 */
export const NetworkLink = z.object({
  id: NetworkNodeCode,
  toCode: NetworkNodeCode,
  fromCode: NetworkNodeCode.optional(),
  // topology (administrator)
  name: z.string().trim().min(1).max(120).optional(),
  nameEn: z.string().trim().min(1).max(160).optional(),
  siteKind: SiteKind.optional(),
  location: LonLat.optional(),
  primaryChannel: LinkChannel.optional(),
  backupChannel: LinkChannel.nullable().optional(),
  // the channel in use, as the node itself reports it
  channel: LinkChannel.optional(),
  channelAt: Timestamp.optional(),
  // measured by the parent
  state: MeasuredLinkState.optional(),
  stateAt: Timestamp.optional(),
  observedBy: z.string().max(40).optional(),
  rttMs: z.number().min(0).nullable().optional(),
  lastContactAt: Timestamp.nullable().optional(),
  opsBehind: z.number().int().min(0).nullable().optional(),
  ...Exercise,
});
export type NetworkLink = z.infer<typeof NetworkLink>;

export const NetworkEventKind = z.enum(['raised', 'acknowledged', 'cleared', 'channelSwitched']);
export type NetworkEventKind = z.infer<typeof NetworkEventKind>;

/**
 * One entry of a link's alarm history, insert-only: an alarm is the set of entries that share
 * its `alarmId`, so an acknowledgement made anywhere is never undone by a re-raise of the same
 * alarm arriving later (a re-raise is the same key and is ignored).
 */
export const NetworkEvent = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/),
  alarmId: z.string().regex(/^[A-Za-z0-9_.:-]{1,70}$/),
  kind: NetworkEventKind,
  code: NetworkNodeCode,
  /** For raised: how bad; for channelSwitched: the new state of the link. */
  severity: z.enum(['down', 'degraded']).optional(),
  channel: LinkChannel.optional(),
  previousChannel: LinkChannel.optional(),
  at: Timestamp,
  /** The node that wrote the entry (the observer, or the console that acknowledged). */
  by: z.string().max(40),
  note: z.string().max(200).optional(),
  ...Exercise,
});
export type NetworkEvent = z.infer<typeof NetworkEvent>;
