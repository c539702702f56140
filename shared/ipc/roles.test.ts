import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from './contract.ts';
import { isAuditedOnSuccess, mayCall, METHOD_ROLES, ROLES } from './roles.ts';

describe('METHOD_ROLES', () => {
  it('decides every call of the contract, and the administrator may make each', () => {
    expect(Object.keys(METHOD_ROLES).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES) expect(mayCall('admin', method), method).toBe(true);
  });

  it('ranks the roles: what a viewer may do a liaison may, what a liaison may a duty officer may', () => {
    const order = ['viewer', 'liaison', 'duty', 'admin'] as const;
    for (const method of METHOD_NAMES) {
      for (let i = 0; i + 1 < order.length; i++) {
        if (mayCall(order[i]!, method)) expect(mayCall(order[i + 1]!, method), `${method}: ${order[i + 1]} below ${order[i]}`).toBe(true);
      }
    }
  });

  it('keeps the settings that change the console for everyone to administrators (issue 10, finding 7)', () => {
    for (const method of ['map:importBoundaries', 'map:addBasemap', 'map:setOnlineSource', 'users:list', 'users:add', 'users:update', 'users:rotateToken'] as const) {
      for (const role of ROLES) expect(mayCall(role, method), `${role} ${method}`).toBe(role === 'admin');
      expect(isAuditedOnSuccess(method)).toBe(true);
    }
  });

  it('lets a viewer read but never write, and a liaison report an incident but not dispatch', () => {
    expect(mayCall('viewer', 'incidents:list')).toBe(true);
    expect(mayCall('viewer', 'users:me')).toBe(true);
    for (const write of ['incidents:report', 'resources:requestAllocation', 'resources:advanceAllocation', 'resources:importCsv', 'map:saveArea', 'positions:report'] as const) {
      expect(mayCall('viewer', write), write).toBe(false);
    }
    expect(mayCall('liaison', 'incidents:report')).toBe(true);
    expect(mayCall('liaison', 'resources:advanceAllocation')).toBe(false);
    expect(mayCall('duty', 'resources:advanceAllocation')).toBe(true);
    expect(isAuditedOnSuccess('incidents:report')).toBe(false);
  });
});
