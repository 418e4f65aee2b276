import { Link, useParams } from 'react-router';
import { publishedRegisterOfInterestsQuery } from '../../api/registers';
import { useQuery } from '../../api/useQuery';
import { BackLink, Loading, QueryProblem } from '../../components/messages';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../dates';
import { interestCategoryInWords } from '../../vocabulary';

/** The published register of decision-makers' interests, for anyone to read without signing in. */
export function PublicInterestsPage() {
  const { ods = '' } = useParams();
  const { data, error, loading } = useQuery(publishedRegisterOfInterestsQuery, { odsCode: ods });
  const register = data?.publishedRegisterOfInterests;
  usePageTitle(register ? `Register of interests: ${register.organisationName}` : 'Register of interests');

  if (loading && !data) return <Loading />;
  if (error || !register) {
    return (
      <>
        <h1>Register of interests</h1>
        <QueryProblem error={error} idPrefix="public-interests" />
        {!error && <p>No organisation in Quorum has the ODS code &ldquo;{ods}&rdquo;.</p>}
      </>
    );
  }

  return (
    <>
      <BackLink to={`/public/${encodeURIComponent(register.odsCode)}`}>Back to {register.organisationName}</BackLink>
      <span className="nhsuk-caption-l">{register.organisationName}</span>
      <h1>Register of interests</h1>
      <p>
        The interests declared by {register.organisationName}&rsquo;s decision-makers: its governing body and the members of
        its committees and sub-committees.
      </p>
      <p>
        <Link to={`/public/${encodeURIComponent(register.odsCode)}/gifts`}>Their gifts and hospitality</Link> are published
        too.
      </p>
      {register.decisionMakers.length === 0 && <p>No decision-makers&rsquo; interests have been published.</p>}
      {register.decisionMakers.map((person) => (
        <section key={person.name} aria-label={person.name}>
          <h2>{person.name}</h2>
          <p>{person.positions.join(', ')}</p>
          {person.interests.length === 0 ? (
            <p>{person.nilReturnOn ? `Nil return made on ${formatDate(person.nilReturnOn)}.` : 'No return received.'}</p>
          ) : (
            <Table
              caption={`Interests of ${person.name}`}
              compact
              head={['Interest', 'Concerns', 'From', 'To', 'Action taken', 'Declared']}
              rows={person.interests.map((interest, index) => ({
                key: String(index),
                cells: [
                  <>
                    <strong>{interestCategoryInWords[interest.category]}</strong>: {interest.description}
                  </>,
                  interest.concerns.join(', '),
                  formatDate(interest.validFrom),
                  formatDate(interest.validTo),
                  interest.actionTaken,
                  formatDate(interest.declaredOn),
                ],
              }))}
            />
          )}
        </section>
      ))}
    </>
  );
}
