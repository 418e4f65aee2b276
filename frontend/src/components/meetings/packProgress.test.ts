import { describe, expect, it } from 'vitest';
import type { PackBuildStatus } from '../../generated/graphql';
import { type ProgressState, packName, progressAnnouncement, progressReducer } from './packProgress';

const started = progressReducer(null, {
  type: 'started',
  buildId: 'b1',
  part: 'PUBLIC',
  isSupplement: false,
  event: { status: 'QUEUED', progress: 0, message: '' },
});

function report(state: ProgressState, progress: number, status: PackBuildStatus = 'RUNNING', message = 'Setting the pages') {
  return progressReducer(state, { type: 'progress', buildId: 'b1', event: { status, progress, message, pageCount: null } });
}

describe('progressReducer', () => {
  it('follows a build from queued to done', () => {
    expect(progressAnnouncement(started)).toBe('The public pack is waiting to be built.');
    const running = report(started, 30);
    expect(running).toMatchObject({ status: 'RUNNING', progress: 30 });
    expect(progressAnnouncement(running)).toBe('Building the public pack: Setting the pages (30%).');
    const done = progressReducer(running, {
      type: 'progress',
      buildId: 'b1',
      event: { status: 'DONE', progress: 100, message: 'Built: 24 pages', pageCount: 24 },
    });
    expect(done).toMatchObject({ status: 'DONE', progress: 100, pageCount: 24 });
    expect(progressAnnouncement(done)).toBe('The public pack is ready: 24 pages.');
  });

  it('never moves the bar backwards, keeps it between 0 and 100 and fills it when done', () => {
    const at90 = report(started, 90);
    expect(report(at90, 30)?.progress).toBe(90);
    expect(report(started, 250)?.progress).toBe(100);
    expect(report(started, -5)?.progress).toBe(0);
    expect(report(started, 40, 'DONE')?.progress).toBe(100);
  });

  it('ignores other builds and anything after the end', () => {
    expect(
      progressReducer(started, { type: 'progress', buildId: 'other', event: { status: 'RUNNING', progress: 50, message: '' } }),
    ).toBe(started);
    const failed = report(report(started, 30), 30, 'FAILED', 'The build failed; it has been logged.');
    expect(progressAnnouncement(failed)).toBe('The public pack could not be built. The build failed; it has been logged.');
    expect(report(failed, 90)).toBe(failed);
    expect(progressReducer(failed, { type: 'lost', buildId: 'b1', message: 'gone' })).toBe(failed);
  });

  it('notes a lost connection until news arrives again, and forgets the build when dismissed', () => {
    const lost = progressReducer(report(started, 30), { type: 'lost', buildId: 'b1', message: 'Connection lost' });
    expect(lost?.lost).toBe('Connection lost');
    expect(report(lost, 90)?.lost).toBeNull();
    expect(progressReducer(lost, { type: 'dismissed' })).toBeNull();
  });
});

describe('packName', () => {
  it('names packs and supplements', () => {
    expect(packName('PRIVATE', false)).toBe('private pack');
    expect(packName('PUBLIC', true)).toBe('public supplement');
  });
});
