import { useState } from 'react';
import { useParams } from 'react-router';
import { organisationQuery } from '../api/operations';
import { useQuery } from '../api/useQuery';
import { MembershipsSection } from '../components/memberships/MembershipsSection';
import { BackLink, Loading, QueryProblem } from '../components/messages';
import { PracticesSection } from '../components/practices/PracticesSection';
import { SummaryList, SummaryRow } from '../components/SummaryList';
import { usePageTitle } from '../components/usePageTitle';
import { organisationKindInWords } from '../vocabulary';
import { NotFoundPage } from './NotFoundPage';

export function OrganisationPage() {
  const { id = '' } = useParams();
  const { data, error, loading } = useQuery(organisationQuery, { id });
  const [practicesVersion, setPracticesVersion] = useState(0);
  const organisation = data?.node?.__typename === 'Organisation' ? data.node : null;
  usePageTitle(organisation?.name ?? 'Organisation');

  if (loading && !data) return <Loading />;
  if (error && !organisation) {
    return (
      <>
        <h1>Organisation</h1>
        <QueryProblem error={error} idPrefix="organisation" />
      </>
    );
  }
  if (!organisation) return <NotFoundPage />;

  return (
    <>
      <BackLink to="/admin/organisations">Back to organisations</BackLink>
      <h1>{organisation.name}</h1>
      <SummaryList>
        <SummaryRow label="Kind">{organisationKindInWords[organisation.kind]}</SummaryRow>
        <SummaryRow label="ODS code">{organisation.odsCode}</SummaryRow>
        {organisation.kind === 'CCG' && (
          <SummaryRow label="Area team">
            {organisation.areaTeam ? `${organisation.areaTeam.name} (${organisation.areaTeam.odsCode})` : 'None'}
          </SummaryRow>
        )}
      </SummaryList>
      <PracticesSection
        key={`practices-${organisation.id}`}
        organisationId={organisation.id}
        canAdminister={organisation.viewerCanAdminister}
        onPracticesChanged={() => setPracticesVersion((version) => version + 1)}
      />
      <MembershipsSection
        key={`memberships-${organisation.id}`}
        organisation={organisation}
        canAdminister={organisation.viewerCanAdminister}
        practicesVersion={practicesVersion}
      />
    </>
  );
}
