import { publicIndicatorsQuery } from '../../api/indicators';
import { useQuery } from '../../api/useQuery';
import { QueryProblem } from '../messages';
import { PublicSummary } from './PublicSummaryTable';

/** An organisation's practice quality aggregates on its public page: no practice is named or shown alone. */
export function PublicIndicators({ organisationId }: { organisationId: string }) {
  const { data, error } = useQuery(publicIndicatorsQuery, { organisationId });
  const indicators = data?.indicators ?? [];
  if (!error && indicators.length === 0) return null;
  return (
    <section>
      <h2>Quality of general practice</h2>
      <p>
        Figures across the member practices. No practice is named, and a period fewer than 5 practices reported is
        withheld.
      </p>
      <QueryProblem error={error} idPrefix="public-indicators" />
      {indicators.map((indicator) => (
        <details key={indicator.id} className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">{indicator.name}</span>
          </summary>
          <div className="nhsuk-details__text">
            <PublicSummary name={indicator.name} unit={indicator.unit} summaries={indicator.publicSummary} />
          </div>
        </details>
      ))}
    </section>
  );
}
