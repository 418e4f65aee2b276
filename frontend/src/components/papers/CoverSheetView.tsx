import { impactAreaInWords, type ImpactArea, purposeInWords } from '../../vocabulary';
import { SummaryList, SummaryRow } from '../SummaryList';
import { coverSheetTexts } from './CoverSheetForm';
import type { PaperDetail, PaperVersionDetail } from './types';

function Text({ value }: { value: string }) {
  if (!value.trim()) return <span className="app-secondary-text">None given</span>;
  return <span className="app-preserve-lines">{value}</span>;
}

/** The cover sheet as the committee reads it. */
export function CoverSheetView({ paper, version }: { paper: PaperDetail; version: PaperVersionDetail }) {
  return (
    <section>
      <h2>Cover sheet</h2>
      <SummaryList>
        <SummaryRow label="Purpose">{purposeInWords[version.purpose]}</SummaryRow>
        {coverSheetTexts.map(([name, label]) => (
          <SummaryRow key={name} label={label}>
            <Text value={version[name]} />
          </SummaryRow>
        ))}
        {version.impacts.map((impact) => (
          <SummaryRow key={impact.area} label={`${impactAreaInWords[impact.area as ImpactArea] ?? impact.area} impact`}>
            {impact.applies ? (
              <>
                Yes: <Text value={impact.detail} />
              </>
            ) : (
              'No'
            )}
          </SummaryRow>
        ))}
        <SummaryRow label="Patient and public involvement to date">
          <Text value={version.publicInvolvement} />
        </SummaryRow>
        <SummaryRow label="Public or private">{paper.isPublic ? 'Public' : 'Private'}</SummaryRow>
      </SummaryList>
    </section>
  );
}

/** The body as the server rendered and sanitised it: the one place Quorum shows HTML it did not write itself. */
export function PaperBody({ version, heading }: { version: PaperVersionDetail; heading: string }) {
  return (
    <section>
      <h2>{heading}</h2>
      {version.bodyHtml.trim() ? (
        <div className="app-paper-body" dangerouslySetInnerHTML={{ __html: version.bodyHtml }} />
      ) : (
        <p>The paper has no text yet.</p>
      )}
    </section>
  );
}
