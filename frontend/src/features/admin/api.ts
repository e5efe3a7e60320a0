import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";
import { useVersionedMutation, type IfMatch } from "../../api/useVersionedMutation";

export type User = components["schemas"]["UserRead"];
export type UserCreate = components["schemas"]["UserCreate"];
export type UserUpdate = components["schemas"]["UserUpdate"];
export type { Sector } from "../../shared/sectors";
import type { Sector } from "../../shared/sectors";
export type SectorCreate = components["schemas"]["SectorCreate"];
export type SectorUpdate = components["schemas"]["SectorUpdate"];
export type Organisation = components["schemas"]["OrganisationRead"];
export type OrganisationCreate = components["schemas"]["OrganisationCreate"];
export type OrganisationKind = components["schemas"]["OrganisationKind"];
export type Stakeholder = components["schemas"]["StakeholderRead"];
export type StakeholderCreate = components["schemas"]["StakeholderCreate"];

export const ORGANISATION_KINDS: OrganisationKind[] = [
  "ministry",
  "company",
  "foundation",
  "ngo",
  "university",
  "municipality",
  "other",
];

/** A create (POST) or a versioned change (PATCH with If-Match); a 412 re-reads `key`. */
function useAdminMutation<V, R>(
  key: readonly unknown[],
  version: (vars: V) => number | undefined,
  request: (vars: V, ifMatch: IfMatch) => Promise<R>,
) {
  return useVersionedMutation({ version, request, keys: () => [key] });
}

// --- users ----------------------------------------------------------------------------------------

export function useUsers(filters: { q?: string; isActive?: boolean }) {
  return useCursorList(queryKeys.admin.userList(filters), (cursor) =>
    unwrap(
      api.GET("/api/v1/users", {
        params: {
          query: { q: filters.q || undefined, is_active: filters.isActive, limit: 50, cursor },
        },
      }),
    ),
  );
}

export function useCreateUser() {
  return useAdminMutation(
    queryKeys.admin.users,
    () => undefined,
    (body: UserCreate) => unwrap(api.POST("/api/v1/users", { body })),
  );
}

export function useUpdateUser() {
  return useAdminMutation(
    queryKeys.admin.users,
    ({ user }: { user: User; body: UserUpdate }) => user.version,
    ({ user, body }, ifMatch) =>
      unwrap(
        api.PATCH("/api/v1/users/{user_id}", {
          params: { path: { user_id: user.id }, header: ifMatch },
          body,
        }),
      ),
  );
}

// --- sectors --------------------------------------------------------------------------------------

export function useSaveSector() {
  return useAdminMutation(
    queryKeys.sectors,
    (vars: { sector?: Sector; body: SectorCreate | SectorUpdate }) => vars.sector?.version,
    ({ sector, body }, ifMatch) =>
      sector
        ? unwrap(
            api.PATCH("/api/v1/sectors/{sector_id}", {
              params: {
                path: { sector_id: sector.id },
                header: ifMatch,
              },
              body: body as SectorUpdate,
            }),
          )
        : unwrap(api.POST("/api/v1/sectors", { body: body as SectorCreate })),
  );
}

// --- organisations --------------------------------------------------------------------------------

export function useOrganisations(filters: { q?: string; sectorId?: string }, limit = 50) {
  return useCursorList(queryKeys.admin.organisationList(filters, limit), (cursor) =>
    unwrap(
      api.GET("/api/v1/organisations", {
        params: {
          query: { q: filters.q || undefined, sector_id: filters.sectorId, limit, cursor },
        },
      }),
    ),
  );
}

export function useSaveOrganisation() {
  return useAdminMutation(
    queryKeys.admin.organisations,
    (vars: { organisation?: Organisation; body: OrganisationCreate }) => vars.organisation?.version,
    ({ organisation, body }, ifMatch) =>
      organisation
        ? unwrap(
            api.PATCH("/api/v1/organisations/{organisation_id}", {
              params: {
                path: { organisation_id: organisation.id },
                header: ifMatch,
              },
              body,
            }),
          )
        : unwrap(api.POST("/api/v1/organisations", { body })),
  );
}

// --- stakeholders ---------------------------------------------------------------------------------

export function useStakeholders(filters: {
  q?: string;
  sectorId?: string;
  organisationId?: string;
}) {
  return useCursorList(queryKeys.admin.stakeholderList(filters), (cursor) =>
    unwrap(
      api.GET("/api/v1/stakeholders", {
        params: {
          query: {
            q: filters.q || undefined,
            sector_id: filters.sectorId,
            organisation_id: filters.organisationId,
            limit: 50,
            cursor,
          },
        },
      }),
    ),
  );
}

export function useSaveStakeholder() {
  return useAdminMutation(
    queryKeys.admin.stakeholders,
    (vars: { stakeholder?: Stakeholder; body: StakeholderCreate }) => vars.stakeholder?.version,
    ({ stakeholder, body }, ifMatch) =>
      stakeholder
        ? unwrap(
            api.PATCH("/api/v1/stakeholders/{stakeholder_id}", {
              params: {
                path: { stakeholder_id: stakeholder.id },
                header: ifMatch,
              },
              body,
            }),
          )
        : unwrap(api.POST("/api/v1/stakeholders", { body })),
  );
}

// --- audit ----------------------------------------------------------------------------------------

export function usePlatformAudit(filters: { entityType?: string; action?: string }) {
  return useCursorList(queryKeys.admin.audit(filters), (cursor) =>
    unwrap(
      api.GET("/api/v1/audit", {
        params: {
          query: {
            entity_type: filters.entityType || undefined,
            action: filters.action || undefined,
            limit: 50,
            cursor,
          },
        },
      }),
    ),
  );
}
