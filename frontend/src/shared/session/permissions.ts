import type { Me, Permission } from "./me";

/** Admin screens are for the platform admin and anyone holding a platform permission. */
export function canSeeAdmin(me: Me | undefined): boolean {
  return !!me && (me.is_platform_admin || me.platform_permissions.length > 0);
}

export function roundtablePermissions(me: Me | undefined, roundtableId: string): Permission[] {
  return me?.roundtables.find((r) => r.roundtable_id === roundtableId)?.permissions ?? [];
}

export function hasRoundtablePermission(
  me: Me | undefined,
  roundtableId: string,
  permission: Permission,
): boolean {
  return roundtablePermissions(me, roundtableId).includes(permission);
}
