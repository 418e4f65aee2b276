import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useSession } from '../session';
import { Header } from './Header';
import { Loading } from './messages';
import { usePageTitle } from './usePageTitle';

function ServiceProblem({ message }: { message: string }) {
  usePageTitle('Sorry, there is a problem with the service');
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <p>{message}</p>
      <p>Try again later.</p>
    </>
  );
}

function Footer() {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <p className="nhsuk-body-s">
            Quorum: open-source governance for NHS clinical commissioning groups and NHS England area
            teams.
          </p>
        </div>
      </div>
    </footer>
  );
}

/** Moves focus to the main content after each change of page, as a full page load would. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return main;
}

export function Layout() {
  const { loading, error, viewer } = useSession();
  const main = useFocusOnNavigation();

  let content = <Outlet />;
  if (loading && !viewer) content = <Loading />;
  else if (error) content = <ServiceProblem message={error.message} />;

  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <Header />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" role="main" tabIndex={-1} ref={main}>
          {content}
        </main>
      </div>
      <Footer />
    </>
  );
}
