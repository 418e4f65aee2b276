import { formatLondonDate } from '../../dates';
import { Table } from '../Table';
import type { PaperDetail } from './types';

export function VersionsTable({ paper }: { paper: PaperDetail }) {
  return (
    <section>
      <h2>Versions</h2>
      <p>An approved version never changes: a change makes a new version, and every published one stays here.</p>
      <Table
        caption={`Versions of ${paper.title}`}
        head={['Version', 'Started', 'Approved', 'Published']}
        rows={paper.versions.map((version) => ({
          key: version.id,
          cells: [
            String(version.number),
            formatLondonDate(version.createdAt),
            version.approvedAt ? formatLondonDate(version.approvedAt) : 'Not approved',
            version.publishedAt ? formatLondonDate(version.publishedAt) : 'Not published',
          ],
        }))}
      />
    </section>
  );
}
