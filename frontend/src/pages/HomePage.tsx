import { Link } from 'react-router';
import { Table } from '../components/Table';
import { usePageTitle } from '../components/usePageTitle';
import { formatDate } from '../dates';
import { useSession, type Viewer } from '../session';
import { roleInWords } from '../vocabulary';

function Welcome() {
  return (
    <>
      <h1>Welcome to Quorum</h1>
      <p className="nhsuk-lede-text">
        Quorum runs the governance of NHS commissioning: committees and their meetings, board papers,
        declarations of interest, decisions and votes, for clinical commissioning groups and NHS
        England area teams.
      </p>
      <p>
        <Link to="/public">Find an organisation</Link> to read the meetings, papers, decisions and registers it has
        published, without signing in.
      </p>
      <p>
        <Link to="/sign-in">Sign in</Link> to see your organisations and the work waiting for you.
      </p>
    </>
  );
}

function Memberships({ viewer }: { viewer: Viewer }) {
  return (
    <>
      <h1>Your memberships</h1>
      <p>
        Signed in as {viewer.person.name} ({viewer.person.email}).
      </p>
      {viewer.memberships.length ? (
        <Table
          caption="Your memberships"
          head={['Organisation', 'ODS code', 'Role', 'Practice', 'From', 'To']}
          rows={viewer.memberships.map((membership) => ({
            key: membership.id,
            cells: [
              membership.organisation?.name ?? 'Not visible to you',
              membership.organisation?.odsCode ?? '',
              roleInWords[membership.role],
              membership.practice ? `${membership.practice.name} (${membership.practice.odsCode})` : '',
              formatDate(membership.validFrom),
              formatDate(membership.validTo),
            ],
          }))}
        />
      ) : (
        <p>You have no active memberships. An administrator of your organisation can add you.</p>
      )}
    </>
  );
}

export function HomePage() {
  const { viewer } = useSession();
  usePageTitle(viewer ? 'Your memberships' : 'Home');
  return viewer ? <Memberships viewer={viewer} /> : <Welcome />;
}
