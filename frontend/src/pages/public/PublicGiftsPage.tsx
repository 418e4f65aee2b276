import { useParams } from 'react-router';
import { publishedRegisterOfGiftsQuery } from '../../api/registers';
import { useQuery } from '../../api/useQuery';
import { BackLink, Loading, QueryProblem } from '../../components/messages';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../dates';
import { giftKindInWords } from '../../vocabulary';

/** The published register of decision-makers' gifts and hospitality, for anyone to read without signing in. */
export function PublicGiftsPage() {
  const { ods = '' } = useParams();
  const { data, error, loading } = useQuery(publishedRegisterOfGiftsQuery, { odsCode: ods });
  const entries = data?.publishedRegisterOfGifts;
  usePageTitle('Gifts and hospitality');

  if (loading && !data) return <Loading />;
  if (error || !entries) {
    return (
      <>
        <h1>Gifts and hospitality</h1>
        <QueryProblem error={error} idPrefix="public-gifts" />
        {!error && <p>No organisation in Quorum has the ODS code &ldquo;{ods}&rdquo;.</p>}
      </>
    );
  }
  return (
    <>
      <BackLink to={`/public/${encodeURIComponent(ods.toUpperCase())}`}>Back to the organisation</BackLink>
      <span className="nhsuk-caption-l">{ods.toUpperCase()}</span>
      <h1>Gifts and hospitality</h1>
      <p>
        Gifts and hospitality offered to the organisation&rsquo;s decision-makers in the last two years that the guidance
        requires to be declared, whether accepted or not.
      </p>
      {entries.length === 0 ? (
        <p>None has been declared.</p>
      ) : (
        <Table
          caption="Decision-makers' gifts and hospitality"
          compact
          head={['Offered to', 'What', 'Offered by', 'Value', 'Offered on', 'Outcome']}
          rows={entries.map((entry, index) => ({
            key: String(index),
            cells: [
              entry.personName,
              <>
                <strong>{giftKindInWords[entry.kind]}</strong>: {entry.description}
              </>,
              entry.offeredBy,
              entry.value,
              formatDate(entry.offeredOn),
              entry.accepted ? `Accepted${entry.approvedBy ? `, approved by ${entry.approvedBy}` : ''}` : 'Declined or returned',
            ],
          }))}
        />
      )}
    </>
  );
}
