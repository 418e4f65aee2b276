import { useState } from 'react';
import { indicatorCcgsQuery, indicatorsOverviewQuery, practiceIndicatorsQuery } from '../../api/indicators';
import { useQuery } from '../../api/useQuery';
import { DistributionChart, formatFigure, ordinal, TrendChart } from '../../components/indicators/charts';
import { ImportIndicatorsForm } from '../../components/indicators/ImportIndicatorsForm';
import { PublicSummary } from '../../components/indicators/PublicSummaryTable';
import { SelectField } from '../../components/fields';
import { Loading, QueryProblem } from '../../components/messages';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import type { IndicatorsOverviewQuery, PracticeIndicatorsQuery } from '../../generated/graphql';
import { holdsRole, useSession } from '../../session';

type Indicator = IndicatorsOverviewQuery['indicators'][number];
type Position = NonNullable<PracticeIndicatorsQuery['indicators'][number]['practiceView']>[number];

/** The practice quality dashboard, in the form the viewer may see: their practice's, the board's, the public's. */
export function IndicatorsPage() {
  usePageTitle('Practice quality dashboard');
  const { viewer, currentOrganisation } = useSession();
  // An area team looks at one of its CCGs at a time; a CCG's own people at their CCG.
  const isAreaTeam = currentOrganisation?.kind === 'AREA_TEAM';
  const ccgs = useQuery(indicatorCcgsQuery, {}, { skip: !isAreaTeam });
  const ccgChoices = (ccgs.data?.organisations.edges ?? []).map(({ node }) => node);
  const [chosenCcg, setChosenCcg] = useState<string | null>(null);
  const ccg = isAreaTeam ? (ccgChoices.find((c) => c.id === chosenCcg) ?? ccgChoices[0]) : currentOrganisation;
  const organisationId = ccg?.id ?? '';
  const overview = useQuery(indicatorsOverviewQuery, { organisationId }, { skip: !organisationId });
  const represented = viewer?.memberships.find(
    (m) => m.role === 'PRACTICE_REPRESENTATIVE' && m.organisation?.id === organisationId && m.practice,
  )?.practice;
  const practice = useQuery(
    practiceIndicatorsQuery,
    { organisationId, practiceId: represented?.id ?? '' },
    { skip: !organisationId || !represented },
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const indicators = overview.data?.indicators ?? [];
  const indicator = indicators.find((i) => i.id === chosen) ?? indicators[0];
  const positions = practice.data?.indicators.find((i) => i.id === indicator?.id)?.practiceView ?? null;
  const imports = holdsRole(viewer, organisationId, 'ADMINISTRATOR', 'BOARD_SECRETARY');

  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">
          Practice quality dashboard<span className="nhsuk-u-visually-hidden">: </span>
        </span>
        {ccg?.name ?? 'No organisation'}
      </h1>
      {isAreaTeam && ccgChoices.length > 0 && (
        <SelectField id="ccg" label="CCG" value={organisationId} onChange={(event) => setChosenCcg(event.target.value)}>
          {ccgChoices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      )}
      <QueryProblem error={overview.error ?? practice.error ?? ccgs.error} idPrefix="indicators" />
      {overview.loading && !overview.data && <Loading />}
      {overview.data && indicators.length === 0 && <p>No indicators have been imported yet.</p>}
      {indicator && (
        <>
          <SelectField
            id="indicator"
            label="Indicator"
            value={indicator.id}
            onChange={(event) => setChosen(event.target.value)}
          >
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </SelectField>
          <p>
            {indicator.unit && <>Measured in {indicator.unit}; </>}
            {indicator.higherIsBetter ? 'higher is better.' : 'lower is better.'}
          </p>
          {represented && positions && (
            <PracticeSection practiceName={represented.name} indicator={indicator} positions={positions} />
          )}
          {indicator.namedFigures && <NamedSection indicator={indicator} />}
          <h2>Across all practices</h2>
          <p>The aggregates published to the public (and in Part I): a period fewer than 5 practices reported is withheld.</p>
          <PublicSummary name={indicator.name} unit={indicator.unit} summaries={indicator.publicSummary} />
        </>
      )}
      {imports && organisationId && <ImportIndicatorsForm organisationId={organisationId} onImported={overview.reload} />}
    </>
  );
}

function PracticeSection({ practiceName, indicator, positions }: {
  practiceName: string;
  indicator: Indicator;
  positions: Position[];
}) {
  const latest = [...positions].reverse().find((p) => p.value !== null && p.rank !== null);
  return (
    <section>
      <h2>{practiceName}</h2>
      <p>Your practice’s figures, named. Other practices are shown without names, in order of their figures.</p>
      {latest && latest.rank !== null && latest.of !== null && (
        <p className="nhsuk-body-l">
          {latest.summary.period}: {formatFigure(latest.value)}, {ordinal(latest.rank)} of {latest.of}
        </p>
      )}
      <TrendChart
        title={indicator.name}
        unit={indicator.unit}
        seriesName={practiceName}
        points={positions.map((p) => ({
          period: p.summary.period,
          value: p.value ?? null,
          lowerQuartile: p.summary.lowerQuartile,
          median: p.summary.median,
          upperQuartile: p.summary.upperQuartile,
        }))}
      />
      {latest && latest.value !== null && (
        <DistributionChart
          title={indicator.name}
          unit={indicator.unit}
          period={latest.summary.period}
          higherIsBetter={indicator.higherIsBetter}
          points={[
            { key: 'own', label: practiceName, value: latest.value ?? 0, highlighted: true },
            ...latest.peerValues.map((value, index) => ({ key: `peer-${index}`, label: 'Another practice', value })),
          ].sort((a, b) => (indicator.higherIsBetter ? b.value - a.value : a.value - b.value))}
        />
      )}
    </section>
  );
}

function NamedSection({ indicator }: { indicator: Indicator }) {
  const periods = indicator.namedFigures ?? [];
  const latest = periods[periods.length - 1];
  if (!latest) return null;
  return (
    <section>
      <h2>Every practice, named</h2>
      <div className="nhsuk-warning-callout">
        <h3 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>Private (Part II)
          </span>
        </h3>
        <p>These figures name practices. They are for the governing body in private, not for publication.</p>
      </div>
      <DistributionChart
        title={indicator.name}
        unit={indicator.unit}
        period={latest.summary.period}
        higherIsBetter={indicator.higherIsBetter}
        points={latest.figures.map((f) => ({ key: f.practiceId, label: f.practiceName, value: f.value }))}
      />
      <Table
        caption={`${indicator.name}, ${latest.summary.period}: every practice by rank`}
        head={['Rank', 'Practice', 'ODS code', 'Figure']}
        rows={latest.figures.map((f) => ({
          key: f.practiceId,
          cells: [ordinal(f.rank), f.practiceName, f.odsCode, formatFigure(f.value)],
        }))}
      />
    </section>
  );
}
