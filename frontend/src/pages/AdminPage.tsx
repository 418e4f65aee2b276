import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session';

export function AdminPage() {
  usePageTitle('Administration');
  const { currentOrganisation, canAdminister } = useSession();

  return (
    <>
      <h1>Administration</h1>
      {!canAdminister && (
        <p>
          You can look around, but only an organisation's administrators can change its practices,
          people and memberships.
        </p>
      )}
      {currentOrganisation && (
        <>
          <h2>{currentOrganisation.name}</h2>
          <p>
            <Link to={`/admin/organisations/${encodeURIComponent(currentOrganisation.id)}`}>
              Practices and memberships of {currentOrganisation.name}
            </Link>
          </p>
        </>
      )}
      <h2>Organisations and people</h2>
      <ul className="nhsuk-list">
        <li>
          <Link to="/admin/organisations">Organisations</Link>
          <p className="nhsuk-body-s">CCGs and NHS England area teams, and their practices.</p>
        </li>
        <li>
          <Link to="/admin/people">People</Link>
          <p className="nhsuk-body-s">Everyone who can sign in to Quorum.</p>
        </li>
      </ul>
    </>
  );
}
