import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { UNSAFE_DataRouterContext, useBlocker } from 'react-router';

export const UNSAVED_CHANGES_MESSAGE = 'You have changes that are not saved. Leave this page and lose them?';

/**
 * Warns before unsaved edits are lost: the browser's own prompt when the tab is closed or reloaded, and a confirm
 * when the reader follows a link or goes back within the app (react-router's blocker, which needs the data router
 * the app runs in; under a plain router, as in some unit tests, only the browser's prompt is set).
 *
 * Returns `release`, for a form that navigates away straight after saving, before its state says it is saved.
 */
export function useUnsavedChangesWarning(unsaved: boolean, message: string = UNSAVED_CHANGES_MESSAGE): () => void {
  const active = useRef(unsaved);
  useEffect(() => {
    active.current = unsaved;
  }, [unsaved]);
  const release = useCallback(() => {
    active.current = false;
  }, []);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!active.current) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  // Whether the router is a data router never changes while a component is mounted, so the hook below is
  // called, or not, the same way on every render.
  const dataRouter = useContext(UNSAFE_DataRouterContext);
  if (dataRouter) {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useInAppNavigationConfirm(active, message);
  }
  return release;
}

function useInAppNavigationConfirm(active: { current: boolean }, message: string) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      active.current &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(message)) blocker.proceed();
    else blocker.reset();
  }, [blocker, message]);
}

/**
 * The warning for an uncontrolled form: any change in it counts as an edit (pass `onChange` to the <form>), until
 * `saved` is called after a successful save.
 */
export function useUnsavedForm(message?: string): { edited: boolean; onChange: () => void; saved: () => void } {
  const [edited, setEdited] = useState(false);
  const release = useUnsavedChangesWarning(edited, message);
  const onChange = useCallback(() => setEdited(true), []);
  const saved = useCallback(() => {
    release();
    setEdited(false);
  }, [release]);
  return { edited, onChange, saved };
}
