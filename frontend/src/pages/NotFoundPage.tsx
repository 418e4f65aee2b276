import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        <Link to="/">Go to the Quorum home page</Link>
      </p>
    </>
  );
}
