import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { RequestError } from './api/client';
import { sessionQuery } from './api/operations';
import { useQuery } from './api/useQuery';
import type { Role, SessionQuery } from './generated/graphql';

export type Viewer = NonNullable<SessionQuery['viewer']>;
export type ViewerMembership = Viewer['memberships'][number];
export type ViewerOrganisation = NonNullable<ViewerMembership['organisation']>;

export interface Session {
  loading: boolean;
  error: RequestError | undefined;
  viewer: Viewer | null;
  signInOptions: SessionQuery['signInOptions'];
  /** The organisations the viewer holds active memberships in, each once. */
  organisations: ViewerOrganisation[];
  currentOrganisation: ViewerOrganisation | null;
  chooseOrganisation: (id: string) => void;
  canAdminister: boolean;
  /** The NHS England area teams the viewer belongs to. */
  areaTeams: ViewerOrganisation[];
}

const organisationStorageKey = 'quorum.organisation';

function storedOrganisationId(): string | null {
  try {
    return window.localStorage.getItem(organisationStorageKey);
  } catch {
    return null;
  }
}

function storeOrganisationId(id: string): void {
  try {
    window.localStorage.setItem(organisationStorageKey, id);
  } catch {
    // Private browsing can refuse storage; the choice then lasts until the page reloads.
  }
}

export function organisationsOf(viewer: Viewer | null): ViewerOrganisation[] {
  const byId = new Map<string, ViewerOrganisation>();
  for (const { organisation } of viewer?.memberships ?? []) {
    if (organisation) byId.set(organisation.id, organisation);
  }
  return [...byId.values()];
}

/** Whether the viewer holds one of these roles in the organisation (a hint for the interface; the API decides). */
export function holdsRole(viewer: Viewer | null, organisationId: string | null | undefined, ...roles: Role[]): boolean {
  return (
    !!viewer &&
    !!organisationId &&
    viewer.memberships.some(
      (membership) => membership.organisation?.id === organisationId && roles.includes(membership.role),
    )
  );
}

export function areaTeamsOf(viewer: Viewer | null): ViewerOrganisation[] {
  return organisationsOf(viewer).filter((organisation) => organisation.kind === 'AREA_TEAM');
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { data, error, loading } = useQuery(sessionQuery, {});
  const [chosenId, setChosenId] = useState(storedOrganisationId);

  const session = useMemo<Session>(() => {
    const viewer = data?.viewer ?? null;
    const organisations = organisationsOf(viewer);
    const currentOrganisation =
      organisations.find((organisation) => organisation.id === chosenId) ?? organisations[0] ?? null;
    return {
      loading,
      error,
      viewer,
      signInOptions: data?.signInOptions ?? { oidcEnabled: false, demoMode: false },
      organisations,
      currentOrganisation,
      chooseOrganisation: (id: string) => {
        storeOrganisationId(id);
        setChosenId(id);
      },
      canAdminister:
        !!viewer &&
        (viewer.isPlatformAdmin ||
          viewer.memberships.some((membership) => membership.role === 'ADMINISTRATOR')),
      areaTeams: areaTeamsOf(viewer),
    };
  }, [data, error, loading, chosenId]);

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside a SessionProvider');
  return session;
}
