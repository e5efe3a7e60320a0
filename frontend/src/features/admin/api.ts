import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { etagFor, useCursorList } from "../../api/hooks";
import { ApiError, unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";

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

/** A change that may meet 412 (changed elsewhere): on any error, re-read `key` to show the latest. */
function useAdminMutation<V, R>(key: readonly unknown[], mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412)
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });
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
  return useAdminMutation(queryKeys.admin.users, (body: UserCreate) =>
    unwrap(api.POST("/api/v1/users", { body })),
  );
}

export function useUpdateUser() {
  return useAdminMutation(
    queryKeys.admin.users,
    ({ user, body }: { user: User; body: UserUpdate }) =>
      unwrap(
        api.PATCH("/api/v1/users/{user_id}", {
          params: { path: { user_id: user.id }, header: { "if-match": etagFor(user.version) } },
          body,
        }),
      ),
  );
}

// --- sectors --------------------------------------------------------------------------------------

export function useSaveSector() {
  return useAdminMutation(
    queryKeys.sectors,
    ({ sector, body }: { sector?: Sector; body: SectorCreate | SectorUpdate }) =>
      sector
        ? unwrap(
            api.PATCH("/api/v1/sectors/{sector_id}", {
              params: {
                path: { sector_id: sector.id },
                header: { "if-match": etagFor(sector.version) },
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
    ({ organisation, body }: { organisation?: Organisation; body: OrganisationCreate }) =>
      organisation
        ? unwrap(
            api.PATCH("/api/v1/organisations/{organisation_id}", {
              params: {
                path: { organisation_id: organisation.id },
                header: { "if-match": etagFor(organisation.version) },
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
    ({ stakeholder, body }: { stakeholder?: Stakeholder; body: StakeholderCreate }) =>
      stakeholder
        ? unwrap(
            api.PATCH("/api/v1/stakeholders/{stakeholder_id}", {
              params: {
                path: { stakeholder_id: stakeholder.id },
                header: { "if-match": etagFor(stakeholder.version) },
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
