/**
 * The origin of the region data that ships with the program (the command tree and district
 * boundaries): every node that has never met its parent applies the same ops under this origin,
 * so it can work standalone from its first start. They are local: never sent to a peer, refused
 * from one, and left out of the replicated version vector. The centre's own ops for the same
 * records (newer, same bodies) replace them when the link comes up.
 */
export const REGION_ORIGIN = 'region-pack';
