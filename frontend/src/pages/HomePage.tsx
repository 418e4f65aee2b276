import { Link } from 'react-router';
import { toDoListQuery } from '../api/home';
import { useQuery } from '../api/useQuery';
import { Loading, QueryProblem } from '../components/messages';
import { Table } from '../components/Table';
import { usePageTitle } from '../components/usePageTitle';
import { formatDate } from '../dates';
import type { ToDoListQuery } from '../generated/graphql';
import { useSession, type Viewer } from '../session';
import { roleInWords, toDoKindInWords } from '../vocabulary';

type ToDo = NonNullable<ToDoListQuery['viewer']>['toDo'][number];

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

function Due({ item }: { item: ToDo }) {
  if (!item.dueOn) return <>No date set</>;
  return (
    <>
      {item.overdue ? 'Was due' : 'Due'} {formatDate(item.dueOn)}
      {item.overdue && (
        <>
          {' '}
          <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
        </>
      )}
    </>
  );
}

function ToDoList() {
  const { data, error, loading } = useQuery(toDoListQuery, {});
  const items = data?.viewer?.toDo;
  const organisations = new Set(items?.map((item) => item.organisation?.id));
  return (
    <section aria-labelledby="to-do-heading">
      <h1 id="to-do-heading">What needs you</h1>
      <QueryProblem error={error} idPrefix="to-do" />
      {loading && !items && <Loading />}
      {items && items.length === 0 && <p>Nothing needs you at the moment.</p>}
      {items && items.length > 0 && (
        <>
          <p>
            {items.length === 1 ? 'One thing' : `${items.length} things`} to do, the soonest due first.
          </p>
          <ul className="nhsuk-list app-to-do" aria-label="Things to do">
            {items.map((item) => (
              <li key={item.key} className="app-to-do__item">
                <strong className="nhsuk-tag nhsuk-tag--grey app-to-do__kind">{toDoKindInWords[item.kind]}</strong>
                <h2 className="nhsuk-heading-s app-to-do__title">
                  <Link to={item.url}>{item.title}</Link>
                </h2>
                <p className="nhsuk-body-s app-to-do__detail">{item.detail}</p>
                <p className="nhsuk-body-s app-to-do__meta">
                  <Due item={item} />
                  {organisations.size > 1 && item.organisation && <>, {item.organisation.name}</>}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Memberships({ viewer }: { viewer: Viewer }) {
  return (
    <section aria-labelledby="memberships-heading">
      <h2 id="memberships-heading">Your memberships</h2>
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
    </section>
  );
}

export function HomePage() {
  const { viewer } = useSession();
  usePageTitle(viewer ? 'What needs you' : 'Home');
  return viewer ? (
    <>
      <ToDoList />
      <Memberships viewer={viewer} />
    </>
  ) : (
    <Welcome />
  );
}
