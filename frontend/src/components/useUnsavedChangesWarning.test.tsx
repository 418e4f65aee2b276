import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { createMemoryRouter, Link, MemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNSAVED_CHANGES_MESSAGE, useUnsavedChangesWarning } from './useUnsavedChangesWarning';

afterEach(cleanup);

function Editor() {
  const [text, setText] = useState('');
  const release = useUnsavedChangesWarning(text !== '');
  return (
    <>
      <label htmlFor="text">Text</label>
      <input id="text" value={text} onChange={(event) => setText(event.currentTarget.value)} />
      <button type="button" onClick={release}>
        Saved
      </button>
      <Link to="/elsewhere">Elsewhere</Link>
    </>
  );
}

function inDataRouter() {
  const router = createMemoryRouter(
    [
      { path: '/', element: <Editor /> },
      { path: '/elsewhere', element: <h1>Elsewhere</h1> },
    ],
    { initialEntries: ['/'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

function unloading(): Event {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

describe('useUnsavedChangesWarning', () => {
  it('lets the reader leave freely while nothing is changed', async () => {
    const ask = vi.spyOn(window, 'confirm');
    const router = inDataRouter();
    expect(unloading().defaultPrevented).toBe(false);
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' })));
    expect(ask).not.toHaveBeenCalled();
    expect(router.state.location.pathname).toBe('/elsewhere');
  });

  it('asks before following a link away from unsaved edits, and stays if the reader says no', async () => {
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const router = inDataRouter();
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'A draft' } });
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' })));
    expect(ask).toHaveBeenCalledWith(UNSAVED_CHANGES_MESSAGE);
    expect(router.state.location.pathname).toBe('/');
    expect((screen.getByLabelText('Text') as HTMLInputElement).value).toBe('A draft');
  });

  it('leaves when the reader agrees to lose the edits', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const router = inDataRouter();
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'A draft' } });
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' })));
    expect(router.state.location.pathname).toBe('/elsewhere');
  });

  it('has the browser warn before the tab closes or reloads with unsaved edits', () => {
    inDataRouter();
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'A draft' } });
    expect(unloading().defaultPrevented).toBe(true);
  });

  it('stops warning once released, for a form that navigates straight after saving', async () => {
    const ask = vi.spyOn(window, 'confirm');
    const router = inDataRouter();
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'A draft' } });
    fireEvent.click(screen.getByRole('button', { name: 'Saved' }));
    expect(unloading().defaultPrevented).toBe(false);
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' })));
    expect(ask).not.toHaveBeenCalled();
    expect(router.state.location.pathname).toBe('/elsewhere');
  });

  it('still sets the browser warning under a plain router', () => {
    render(
      <MemoryRouter>
        <Editor />
      </MemoryRouter>,
    );
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'A draft' } });
    expect(unloading().defaultPrevented).toBe(true);
  });
});
