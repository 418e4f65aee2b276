import { useState } from 'react';
import { Link } from 'react-router';
import { concernRegisterQuery } from '../../api/concerns';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { SelectField } from '../../components/fields';
import { Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../dates';
import type { ConcernCategory } from '../../generated/graphql';
import { useSession } from '../../session';
import { concernCategories, concernCategoryInWords } from './words';

const pageSize = 50;

export function ConcernsPage() {
  usePageTitle('Quality concerns');
  const { currentOrganisation } = useSession();
  const pages = useCursorPages();
  const [stepId, setStepId] = useState('');
  const [category, setCategory] = useState('');
  const organisationId = currentOrganisation?.id ?? '';
  const { data, error, loading } = useQuery(
    concernRegisterQuery,
    {
      organisationId,
      first: pageSize,
      after: pages.after,
      stepId: stepId || null,
      category: (category || null) as ConcernCategory | null,
    },
    { skip: !organisationId },
  );
  const concerns = data?.concerns;
  const steps = (data?.concernLadder ?? []).filter((step) => step.id);

  return (
    <>
      <h1>Quality concerns</h1>
      <p>
        The concerns {currentOrganisation?.name ?? 'your organisation'} holds about its member practices and the
        providers it commissions, and where each stands on the escalation ladder.
      </p>
      <p>
        <Link className="nhsuk-button" to="/concerns/new">
          Log a concern
        </Link>
      </p>
      <div className="app-filters">
        <SelectField
          id="concerns-step"
          label="Step"
          value={stepId}
          onChange={(event) => {
            pages.reset();
            setStepId(event.target.value);
          }}
        >
          <option value="">Any step</option>
          {steps.map((step) => (
            <option key={step.id} value={step.id}>
              {step.position}. {step.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="concerns-category"
          label="Category"
          value={category}
          onChange={(event) => {
            pages.reset();
            setCategory(event.target.value);
          }}
        >
          <option value="">Any category</option>
          {concernCategories.map((value) => (
            <option key={value} value={value}>
              {concernCategoryInWords[value]}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryProblem error={error} idPrefix="concerns" />
      {loading && !concerns && <Loading />}
      {concerns && concerns.totalCount === 0 && <p>No concerns match.</p>}
      {concerns && concerns.totalCount > 0 && (
        <Table
          caption={`${concerns.totalCount} ${concerns.totalCount === 1 ? 'concern' : 'concerns'}`}
          head={['Concern', 'About', 'Category', 'Step', 'Review date']}
          rows={concerns.edges.map(({ node }) => ({
            key: node.id,
            cells: [
              <Link to={`/concerns/${encodeURIComponent(node.id)}`}>{node.title}</Link>,
              node.practice?.name ?? node.providerName ?? '',
              concernCategoryInWords[node.category],
              <>
                {node.currentStep ? `${node.currentStep.position}. ${node.currentStep.name}` : ''}
                {node.closedAt && ' (closed)'}
              </>,
              <>
                {formatDate(node.reviewDate)}
                {node.reviewOverdue && <strong className="nhsuk-tag nhsuk-tag--red app-tag-after">Overdue</strong>}
              </>,
            ],
          }))}
        />
      )}
      {concerns && <Pagination label="concerns" pages={pages} pageInfo={concerns.pageInfo} />}
    </>
  );
}
