import { z } from 'zod';
import { call } from '../call.ts';
import { Role, type Caller } from '../roles.ts';

/** A user of this console as the administrator sees it; the token itself is shown once, when made. */
export interface UserInfo {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

/** A user and the access token that signs in as them (shown once; only its hash is kept). */
export interface UserWithToken {
  user: UserInfo;
  token: string;
}

const UserName = z.string().trim().min(1, 'give the person\'s name').max(60);

export const UserAdd = z.object({ name: UserName, role: Role }).strict();
export const UserUpdate = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: UserName.optional(),
  role: Role.optional(),
  disabled: z.boolean().optional(),
}).strict().refine((value) => value.name !== undefined || value.role !== undefined || value.disabled !== undefined, 'give a name, a role or disabled');
export const UserRef = z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/) }).strict();
const Empty = z.object({}).strict();

/** Users and roles of this console (issue 10, finding 7). */
export const USERS_CONTRACT = {
  'users:me': call<typeof Empty, Caller>(Empty),
  'users:list': call<typeof Empty, UserInfo[]>(Empty),
  'users:add': call<typeof UserAdd, UserWithToken>(UserAdd),
  'users:update': call<typeof UserUpdate, UserInfo>(UserUpdate),
  'users:rotateToken': call<typeof UserRef, UserWithToken>(UserRef),
};
