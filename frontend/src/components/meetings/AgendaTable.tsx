import { Link } from 'react-router';
import { formatDate, formatStartTime } from '../../dates';
import { partShortInWords, purposeInWords } from '../../vocabulary';
import { Table } from '../Table';
import { PaperStatusTag } from './StatusTags';
import type { AgendaItemDetail } from './types';

export function paperPath(id: string): string {
  return `/papers/${encodeURIComponent(id)}`;
}

export function PaperCell({ item, canManage }: { item: AgendaItemDetail; canManage: boolean }) {
  const { paper } = item;
  if (!paper) {
    if (!item.needsPaper) return null;
    return <span className="app-secondary-text">{canManage ? 'Paper not requested yet' : 'Paper to follow'}</span>;
  }
  return (
    <>
      <Link to={paperPath(paper.id)}>{paper.title}</Link>
      <span className="app-cell-note">
        <PaperStatusTag status={paper.status} />
      </span>
      {paper.status !== 'INCLUDED' && <span className="app-cell-note">Due {formatDate(paper.dueDate)}</span>}
    </>
  );
}

/** The agenda as members and the public read it: numbered, with purposes, presenters, times, parts and papers. */
interface AgendaTableProps {
  caption: string;
  agenda: readonly AgendaItemDetail[];
  canManage: boolean;
}

export function AgendaTable({ caption, agenda, canManage }: AgendaTableProps) {
  return (
    <Table
      caption={caption}
      compact
      head={['No.', 'Item', 'Purpose', 'Presenter', 'Time', 'Part', 'Paper']}
      rows={agenda.map((item) => ({
        key: item.id,
        cells: [
          item.number,
          <span className={item.isSubItem ? 'app-agenda-sub-item' : undefined}>{item.title}</span>,
          purposeInWords[item.purpose],
          item.presenter,
          <>
            <span className="app-nowrap">{formatStartTime(item.startsAt)}</span>
            <span className="app-cell-note app-nowrap">{item.minutesAllotted} min</span>
          </>,
          <span className="app-nowrap">{partShortInWords[item.part]}</span>,
          <PaperCell item={item} canManage={canManage} />,
        ],
      }))}
    />
  );
}
