import { useState } from 'react';
import { type FormError, request, toFormErrors } from '../../api/client';
import { endMembershipMutation, organisationMembershipsQuery } from '../../api/operations';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { formatDate, today } from '../../dates';
import type { OrganisationMembershipsQuery } from '../../generated/graphql';
import { roleInWords } from '../../vocabulary';
import { ErrorSummary } from '../ErrorSummary';
import { Confirmation, Loading, QueryProblem } from '../messages';
import { Pagination } from '../Pagination';
import { Table } from '../Table';
import { AddMembershipForm } from './AddMembershipForm';

const pageSize = 25;

type Membership = Extract<
  NonNullable<OrganisationMembershipsQuery['node']>,
  { __typename: 'Organisation' }
>['memberships']['edges'][number]['node'];

function MembershipStatus({ membership }: { membership: Membership }) {
  if (membership.isActive) return <strong className="nhsuk-tag nhsuk-tag--green">Active</strong>;
  if (membership.validFrom > today()) return <strong className="nhsuk-tag nhsuk-tag--blue">Not started</strong>;
  return <strong className="nhsuk-tag nhsuk-tag--grey">Ended</strong>;
}

interface MembershipsSectionProps {
  organisation: { id: string; name: string };
  canAdminister: boolean;
  /** Changes whenever the organisation's practices change, so the form offers the new ones. */
  practicesVersion: number;
}

export function MembershipsSection({ organisation, canAdminister, practicesVersion }: MembershipsSectionProps) {
  const pages = useCursorPages();
  const { data, error, loading, reload } = useQuery(organisationMembershipsQuery, {
    id: organisation.id,
    first: pageSize,
    after: pages.after,
  });
  const [endErrors, setEndErrors] = useState<FormError[]>([]);
  const [ended, setEnded] = useState<string | null>(null);
  const memberships = data?.node?.__typename === 'Organisation' ? data.node.memberships : undefined;

  async function end(membership: Membership) {
    const description = `${membership.person.name}’s membership as ${roleInWords[membership.role]}`;
    setEnded(null);
    try {
      const { endMembership } = await request(endMembershipMutation, {
        input: { id: membership.id, validTo: today() },
      });
      setEndErrors(endMembership.errors);
      if (!endMembership.errors.length) {
        setEnded(`Ended ${description}.`);
        reload();
      }
    } catch (problem) {
      setEndErrors(toFormErrors(problem));
    }
  }

  return (
    <section>
      <h2>Memberships</h2>
      <ErrorSummary errors={endErrors} idPrefix="end-membership" />
      <QueryProblem error={error} idPrefix="memberships" />
      {loading && !memberships && <Loading />}
      {memberships && (
        <>
          <p>
            {memberships.totalCount} {memberships.totalCount === 1 ? 'membership' : 'memberships'}
          </p>
          {memberships.edges.length > 0 && (
            <Table
              caption="Memberships"
              head={[
                'Person',
                'Role',
                'Practice',
                'From',
                'To',
                'Status',
                ...(canAdminister ? [<span className="nhsuk-u-visually-hidden">Actions</span>] : []),
              ]}
              rows={memberships.edges.map(({ node }) => ({
                key: node.id,
                cells: [
                  node.person.name,
                  roleInWords[node.role],
                  node.practice ? `${node.practice.name} (${node.practice.odsCode})` : '',
                  formatDate(node.validFrom),
                  formatDate(node.validTo),
                  <MembershipStatus membership={node} />,
                  ...(canAdminister
                    ? [
                        node.isActive && (
                          <button
                            type="button"
                            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                            onClick={() => end(node)}
                          >
                            End
                            <span className="nhsuk-u-visually-hidden">
                              {' '}
                              {node.person.name}’s membership as {roleInWords[node.role]}
                            </span>
                          </button>
                        ),
                      ]
                    : []),
                ],
              }))}
            />
          )}
          <Pagination label="memberships" pages={pages} pageInfo={memberships.pageInfo} />
        </>
      )}
      <Confirmation>{ended}</Confirmation>
      {canAdminister && (
        <AddMembershipForm
          key={practicesVersion}
          organisation={organisation}
          onAdded={() => {
            pages.reset();
            reload();
          }}
        />
      )}
    </section>
  );
}
