import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useMatch, useNavigate } from 'react-router';
import { goTo, signOut } from '../api/auth';
import { RequestError } from '../api/client';
import { useSession } from '../session';
import { runsBallots, votesInBallots } from './ballots/access';
import { OrganisationSwitcher } from './OrganisationSwitcher';

function NhsLogo() {
  return (
    <svg
      className="nhsuk-header__logo"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 200 80"
      height="40"
      width="100"
      focusable="false"
      aria-hidden="true"
    >
      <path
        fill="currentcolor"
        d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
      />
    </svg>
  );
}

function NavigationItem({ to, end = false, children }: { to: string; end?: boolean; children: string }) {
  const current = useMatch({ path: to, end });
  return (
    <li
      className={
        current
          ? 'nhsuk-header__navigation-item nhsuk-header__navigation-item--current'
          : 'nhsuk-header__navigation-item'
      }
    >
      <Link
        className="nhsuk-header__navigation-link"
        to={to}
        aria-current={current ? (current.pathname === to ? 'page' : 'true') : undefined}
      >
        {current ? (
          <strong className="nhsuk-header__navigation-item-current-fallback">{children}</strong>
        ) : (
          children
        )}
      </Link>
    </li>
  );
}

async function signOutAndLeave() {
  try {
    await signOut();
    goTo('/sign-in');
  } catch (error) {
    const message = error instanceof RequestError ? error.message : 'You could not be signed out.';
    goTo(`/sign-in?error=${encodeURIComponent(message)}`);
  }
}

/** The header's search box: it opens the results page, where the filters are. */
function HeaderSearch() {
  const navigate = useNavigate();
  const [words, setWords] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate(`/search?q=${encodeURIComponent(words.trim())}`);
  }

  return (
    <search className="nhsuk-header__search" id="app-header-search">
      <form className="nhsuk-header__search-form" id="search" action="/search" method="get" noValidate onSubmit={submit}>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label nhsuk-u-visually-hidden" htmlFor="search-field">
            Search Quorum
          </label>
          <div className="nhsuk-input-wrapper">
            <input
              className="nhsuk-input"
              id="search-field"
              name="q"
              type="search"
              autoComplete="off"
              placeholder="Search"
              maxLength={200}
              value={words}
              onChange={(event) => setWords(event.target.value)}
            />
            <button className="nhsuk-button nhsuk-button--icon nhsuk-button--small" type="submit" aria-label="Search">
              <svg
                className="nhsuk-icon nhsuk-icon--search"
                xmlns="http://www.w3.org/2000/svg"
                viewBox="0 0 24 24"
                width="16"
                height="16"
                focusable="false"
                aria-hidden="true"
              >
                <path d="m20.7 18.9-4.1-4.1a7 7 0 1 0-1.4 1.4l4 4.1a1 1 0 0 0 1.5 0c.4-.4.4-1 0-1.4ZM6 10.6a5 5 0 1 1 10 0 5 5 0 0 1-10 0Z" />
              </svg>
            </button>
          </div>
        </div>
      </form>
    </search>
  );
}

/**
 * On a small screen the account links and the navigation fold behind one "Menu" button beside the logo (the
 * NHS.UK header's menu toggle), so the header is one row until it is opened; on a wider screen the button is
 * hidden by CSS and everything shows. The menu closes on navigation and on Escape, handing focus back.
 */
function useHeaderMenu() {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [open]);

  return { open, toggle, onToggle: () => setOpen((was) => !was) };
}

export function Header() {
  const { viewer, organisations, currentOrganisation, canAdminister, areaTeams, signInOptions } = useSession();
  const { open: menuOpen, toggle: menuToggle, onToggle: toggleMenu } = useHeaderMenu();

  return (
    <header className={menuOpen ? 'nhsuk-header app-header app-header--menu-open' : 'nhsuk-header app-header'} role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" to="/" aria-label="NHS Quorum homepage">
            <NhsLogo />
            <span className="nhsuk-header__service-name">Quorum</span>
          </Link>
        </div>
        <HeaderSearch />
        <button
          type="button"
          ref={menuToggle}
          className="nhsuk-header__menu-toggle app-header__menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="app-header-search app-header-account app-header-navigation"
          onClick={toggleMenu}
        >
          Menu
        </button>
        <nav className="nhsuk-header__account" id="app-header-account" aria-label="Account">
          <ul className="nhsuk-header__account-list">
            {viewer && <li className="nhsuk-header__account-item">{viewer.person.name}</li>}
            {viewer && currentOrganisation && (
              <li className="nhsuk-header__account-item">
                {organisations.length > 1 ? <OrganisationSwitcher /> : currentOrganisation.name}
              </li>
            )}
            <li className="nhsuk-header__account-item">
              {viewer ? (
                <button type="button" className="nhsuk-header__account-button" onClick={signOutAndLeave}>
                  Sign out
                </button>
              ) : (
                <Link className="nhsuk-header__account-link" to="/sign-in">
                  Sign in
                </Link>
              )}
            </li>
            {viewer && (
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" to="/settings/notifications">
                  Email notifications
                </Link>
              </li>
            )}
            {viewer && (
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" to="/sign-out-everywhere">
                  Sign out everywhere
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
      <nav className="nhsuk-header__navigation" id="app-header-navigation" aria-label="Primary navigation">
        <div className="nhsuk-header__navigation-container nhsuk-width-container">
          <ul className="nhsuk-header__navigation-list">
            <NavigationItem to="/" end>
              Home
            </NavigationItem>
            {!viewer && <NavigationItem to="/public">Organisations</NavigationItem>}
            {viewer && <NavigationItem to="/committees">Committees</NavigationItem>}
            {viewer && <NavigationItem to="/my-papers">My papers</NavigationItem>}
            {viewer && <NavigationItem to="/delegations">Delegations</NavigationItem>}
            {viewer && <NavigationItem to="/contracts">Contracts</NavigationItem>}
            {viewer && <NavigationItem to="/indicators">Practice quality</NavigationItem>}
            {viewer && <NavigationItem to="/concerns">Quality concerns</NavigationItem>}
            {(votesInBallots(viewer) || runsBallots(viewer, currentOrganisation)) && (
              <NavigationItem to="/ballots">Ballots</NavigationItem>
            )}
            {viewer && <NavigationItem to="/interests">Interests</NavigationItem>}
            {viewer && <NavigationItem to="/surveys">Surveys</NavigationItem>}
            {areaTeams.length > 0 && <NavigationItem to="/area-team">Area team</NavigationItem>}
            {canAdminister && <NavigationItem to="/admin">Administration</NavigationItem>}
            {viewer?.isPlatformAdmin && signInOptions.demoMode && <NavigationItem to="/sent-mail">Sent mail</NavigationItem>}
          </ul>
        </div>
      </nav>
    </header>
  );
}

