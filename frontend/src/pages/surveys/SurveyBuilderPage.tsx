import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { request } from '../../api/client';
import {
  createSurveyMutation,
  surveyBuilderPracticesQuery,
  surveyForBuildingQuery,
  updateSurveyMutation,
} from '../../api/surveys';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor, fieldId } from '../../components/ErrorSummary';
import { DateTimeInput } from '../../components/DateTimeInput';
import { Radios, SelectField, TextArea, TextField } from '../../components/fields';
import { Confirmation, Loading, QueryProblem } from '../../components/messages';
import { ConditionEditor } from '../../components/surveys/builder/ConditionEditor';
import { ControlledCheckboxes } from '../../components/surveys/builder/ControlledCheckboxes';
import {
  type BuilderQuestion,
  type BuilderSection,
  type BuilderSurvey,
  builderProblems,
  emptySurvey,
  fromSurvey,
  newQuestion,
  newSection,
  numberedSections,
  placeApiErrors,
  questionField,
  readClosingTime,
  sectionField,
  sectionsInput,
  settingsInput,
} from '../../components/surveys/builder/model';
import { PhonePreview } from '../../components/surveys/builder/PhonePreview';
import { QuestionEditor } from '../../components/surveys/builder/QuestionEditor';
import { usePageTitle } from '../../components/usePageTitle';
import { londonWallClock } from '../../dates';
import type { SurveyAnonymity, SurveyAudienceRole, SurveyRespondentUnit } from '../../generated/graphql';
import { holdsRole, useSession } from '../../session';

const idPrefix = 'builder';
/** The practice select's value for an audience of several practices, set through the API and kept as it is. */
const severalPractices = 'several';

const audienceRoles: Record<Exclude<SurveyAudienceRole, 'ADMINISTRATOR' | 'BOARD_SECRETARY'>, string> = {
  PRACTICE_REPRESENTATIVE: 'Representatives of member practices',
  GOVERNING_BODY_MEMBER: 'Governing body members',
  COMMITTEE_MEMBER: 'Committee members',
  STAFF: 'Staff of the CCG',
};

const anonymityChoices: Record<SurveyAnonymity, { label: string; hint: string }> = {
  ANONYMOUS: { label: 'Anonymous', hint: 'Nothing links a response to a person or practice.' },
  CONFIDENTIAL: { label: 'Confidential', hint: 'The CCG knows who responded; reports never show who said what.' },
  NAMED: { label: 'Named', hint: 'Names are kept with the answers.' },
};

const unitChoices: Record<SurveyRespondentUnit, string> = {
  PERSON: 'Each person answers for themselves',
  PRACTICE: 'One response per practice, by one of its representatives',
};

function Builder({
  organisationId,
  surveyId,
  initial,
  justCreated,
}: {
  organisationId: string;
  surveyId: string | null;
  initial: BuilderSurvey;
  justCreated: boolean;
}) {
  const [survey, setSurvey] = useState(initial);
  const [saved, setSaved] = useState(
    justCreated ? `The draft survey “${initial.settings.title}” is saved. Open it from the list of surveys when it is ready.` : '',
  );
  const [previewing, setPreviewing] = useState(false);
  const { errors, setErrors, submitting, submit } = useSubmission();
  const navigate = useNavigate();
  const practices = useQuery(surveyBuilderPracticesQuery, { organisationId });
  const localities = useMemo(
    () =>
      [...new Set((practices.data?.practices.edges ?? []).map(({ node }) => node.locality).filter(Boolean))].sort(),
    [practices.data],
  );
  const { settings } = survey;
  const closesAt = initial.settings.closesAt && londonWallClock(initial.settings.closesAt);
  const practiceChoice =
    settings.practiceIds.length > 1 ? severalPractices : (settings.practiceIds[0] ?? '');

  const setSettings = (change: Partial<BuilderSurvey['settings']>) => {
    setSaved('');
    setSurvey((previous) => ({ ...previous, settings: { ...previous.settings, ...change } }));
  };
  const setSections = (sections: BuilderSection[]) => {
    setSaved('');
    setSurvey((previous) => ({ ...previous, sections }));
  };
  const setSection = (index: number, section: BuilderSection) =>
    setSections(survey.sections.map((s, i) => (i === index ? section : s)));

  async function save(form: HTMLFormElement) {
    setSaved('');
    const closing = readClosingTime(new FormData(form));
    const problems = [...builderProblems(survey), ...closing.problems];
    if (problems.length) {
      setErrors(problems);
      return;
    }
    const common = { ...settingsInput({ ...settings, closesAt: closing.closesAt }), sections: sectionsInput(survey) };
    const payload = await submit(async () => {
      if (surveyId) {
        const data = await request(updateSurveyMutation, { input: { id: surveyId, ...common } });
        return { ...data.updateSurvey, errors: placeApiErrors(survey, data.updateSurvey.errors) };
      }
      const data = await request(createSurveyMutation, { input: { organisationId, ...common } });
      return { ...data.createSurvey, errors: placeApiErrors(survey, data.createSurvey.errors) };
    });
    if (!payload?.survey) return;
    setSaved(`The draft survey “${settings.title.trim()}” is saved. Open it from the list of surveys when it is ready.`);
    if (!surveyId) navigate(`/surveys/${encodeURIComponent(payload.survey.id)}/build`, { replace: true, state: { saved: true } });
  }

  const messagesFor = (field: string) => errors.filter((error) => error.field === field).map((error) => error.message);
  const layout = numberedSections(survey);

  return (
    <div className={previewing ? 'app-builder app-builder--previewing' : 'app-builder'}>
      <div className="app-builder__form">
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <Confirmation>{saved}</Confirmation>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save(event.currentTarget);
          }}
        >
          <h2>About the survey</h2>
          <TextField
            id={fieldId(idPrefix, 'title')}
            label="Title"
            error={errorFor(errors, 'title')}
            value={settings.title}
            onChange={(event) => setSettings({ title: event.target.value })}
          />
          <TextArea
            id={fieldId(idPrefix, 'description')}
            label="Introduction (optional)"
            hint="Shown to respondents before the first question."
            rows={3}
            error={errorFor(errors, 'description')}
            value={settings.description}
            onChange={(event) => setSettings({ description: event.target.value })}
          />
          <Radios
            id={fieldId(idPrefix, 'anonymity')}
            name="anonymity"
            legend="Who can see who answered"
            items={Object.entries(anonymityChoices).map(([value, { label, hint }]) => ({ value, label, hint }))}
            value={settings.anonymity}
            onChange={(value) => setSettings({ anonymity: value as SurveyAnonymity })}
          />

          <h2>Who is asked</h2>
          <ControlledCheckboxes
            id={fieldId(idPrefix, 'audience')}
            legend="Roles asked"
            hint="Everyone in the organisation who holds any of these roles."
            error={errorFor(errors, 'audience')}
            items={Object.entries(audienceRoles).map(([value, label]) => ({ value, label }))}
            checked={settings.roles}
            onChange={(roles) => setSettings({ roles: roles as SurveyAudienceRole[] })}
          />
          <Radios
            id={fieldId(idPrefix, 'respondentUnit')}
            name="respondentUnit"
            legend="Who responds"
            items={Object.entries(unitChoices).map(([value, label]) => ({ value, label }))}
            value={settings.respondentUnit}
            onChange={(value) => setSettings({ respondentUnit: value as SurveyRespondentUnit })}
          />
          <QueryProblem error={practices.error} idPrefix="builder-practices" />
          {localities.length > 0 && (
            <ControlledCheckboxes
              id={fieldId(idPrefix, 'localities')}
              legend="Only practices in these localities (optional)"
              hint="Leave them all unticked to ask the whole CCG."
              items={localities.map((locality) => ({ value: locality, label: locality }))}
              checked={settings.localities}
              onChange={(chosen) => setSettings({ localities: chosen })}
            />
          )}

          <SelectField
            id={fieldId(idPrefix, 'practice')}
            label="Only this practice (optional)"
            hint="Ask one practice alone, for example about a change to its own services."
            value={practiceChoice}
            onChange={(event) => {
              if (event.target.value !== severalPractices) {
                setSettings({ practiceIds: event.target.value ? [event.target.value] : [] });
              }
            }}
          >
            <option value="">Any practice</option>
            {settings.practiceIds.length > 1 && (
              <option value={severalPractices}>The {settings.practiceIds.length} practices chosen already</option>
            )}
            {(practices.data?.practices.edges ?? []).map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </SelectField>

          <h2>When it closes</h2>
          <p>Leave the closing date and time empty to keep the survey open until you close it.</p>
          <DateTimeInput
            id={fieldId(idPrefix, 'closesAt')}
            name="closesAt"
            legend="Closing date (optional)"
            timeLabel="Closing time"
            defaultValue={closesAt ? `${closesAt.date}T${closesAt.time}` : undefined}
            errors={errors}
          />

          <h2>Results</h2>
          <TextField
            id={fieldId(idPrefix, 'suppressionThreshold')}
            label="Smallest group whose results are shown"
            hint="Results are shown for everyone and split into groups (leaders and other members, role, locality, list size). A group with fewer respondents than this is withheld, and so is anything that would give it away. Usually 5."
            inputMode="numeric"
            className="nhsuk-input--width-3"
            error={errorFor(errors, 'suppressionThreshold')}
            value={settings.suppressionThreshold}
            onChange={(event) => setSettings({ suppressionThreshold: event.target.value })}
          />
          <div className="nhsuk-checkboxes nhsuk-form-group">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                id={fieldId(idPrefix, 'allowEditsAfterSubmit')}
                type="checkbox"
                checked={settings.allowEditsAfterSubmit}
                onChange={(event) => setSettings({ allowEditsAfterSubmit: event.target.checked })}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={fieldId(idPrefix, 'allowEditsAfterSubmit')}>
                Respondents may change a sent response until the survey closes
              </label>
            </div>
          </div>

          <h2>Questions</h2>
          <p>
            A question can be shown only after certain answers to an earlier question answered from a list: choose
            which under “Show question”.
          </p>
          {layout.map(({ section, earlier: sectionEarlier, questions }, sectionIndex) => {
            const sectionErrors = messagesFor(sectionField(section));
            const sectionId = fieldId(idPrefix, sectionField(section));
            return (
              <section key={section.uid} className="app-builder-section" aria-labelledby={`${sectionId}-heading`}>
                <h3 id={`${sectionId}-heading`}>Section {sectionIndex + 1}</h3>
                {sectionErrors.map((message) => (
                  <p key={message} className="nhsuk-error-message">
                    <span className="nhsuk-u-visually-hidden">Error:</span> {message}
                  </p>
                ))}
                <TextField
                  id={sectionId}
                  label={`Section ${sectionIndex + 1} heading (optional)`}
                  value={section.title}
                  onChange={(event) => setSection(sectionIndex, { ...section, title: event.target.value })}
                />
                <TextArea
                  id={`${sectionId}-description`}
                  label={`Section ${sectionIndex + 1} introduction (optional)`}
                  rows={2}
                  value={section.description}
                  onChange={(event) => setSection(sectionIndex, { ...section, description: event.target.value })}
                />
                <ConditionEditor
                  id={`${sectionId}-show-if`}
                  subject={`section ${sectionIndex + 1}`}
                  condition={section.showIf}
                  earlier={sectionEarlier}
                  onChange={(showIf) => setSection(sectionIndex, { ...section, showIf })}
                />
                <ol className="nhsuk-list app-builder-questions">
                  {questions.map(({ question, number, earlier }, questionIndex) => {
                    const setQuestions = (questions: BuilderQuestion[]) =>
                      setSection(sectionIndex, { ...section, questions });
                    return (
                      <QuestionEditor
                        key={question.uid}
                        question={question}
                        number={number}
                        earlier={earlier}
                        errors={messagesFor(questionField(question))}
                        fieldId={fieldId(idPrefix, questionField(question))}
                        first={questionIndex === 0}
                        last={questionIndex === section.questions.length - 1}
                        onChange={(changed) =>
                          setQuestions(section.questions.map((q) => (q.uid === question.uid ? changed : q)))
                        }
                        onRemove={() => setQuestions(section.questions.filter((q) => q.uid !== question.uid))}
                        onMove={(by) => {
                          const moved = [...section.questions];
                          moved.splice(questionIndex, 1);
                          moved.splice(questionIndex + by, 0, question);
                          setQuestions(moved);
                        }}
                      />
                    );
                  })}
                </ol>
                <div className="app-button-row">
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary"
                    onClick={() => setSection(sectionIndex, { ...section, questions: [...section.questions, newQuestion(survey)] })}
                  >
                    Add a question to section {sectionIndex + 1}
                  </button>
                  {survey.sections.length > 1 && (
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--warning"
                      onClick={() => setSections(survey.sections.filter((s) => s.uid !== section.uid))}
                    >
                      Remove section {sectionIndex + 1}
                    </button>
                  )}
                </div>
              </section>
            );
          })}
          <p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setSections([...survey.sections, newSection(survey)])}
            >
              Add a section
            </button>
          </p>
          <div className="app-button-row">
            <button type="submit" className="nhsuk-button" disabled={submitting}>
              Save the draft
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              aria-expanded={previewing}
              aria-controls="phone-preview"
              onClick={() => setPreviewing((shown) => !shown)}
            >
              {previewing ? 'Hide the phone preview' : 'Preview as a phone respondent'}
            </button>
          </div>
        </form>
      </div>
      <div id="phone-preview" className="app-builder__preview" hidden={!previewing}>
        {previewing && <PhonePreview survey={survey} />}
      </div>
    </div>
  );
}

export function SurveyBuilderPage() {
  const { id } = useParams();
  const location = useLocation();
  const justCreated = (location.state as { saved?: boolean } | null)?.saved === true;
  const { viewer, currentOrganisation } = useSession();
  const { data, error, loading } = useQuery(surveyForBuildingQuery, { id: id ?? '' }, { skip: !id });
  const survey = data?.node?.__typename === 'Survey' ? data.node : undefined;
  const initial = useMemo(() => (survey ? fromSurvey(survey) : id ? null : emptySurvey()), [survey, id]);
  usePageTitle(id ? `Edit survey${survey ? `: ${survey.title}` : ''}` : 'Build a survey');
  const mayManage = holdsRole(viewer, currentOrganisation?.id, 'ADMINISTRATOR', 'BOARD_SECRETARY');

  const heading = <h1>{id ? `Edit survey${survey ? `: ${survey.title}` : ''}` : 'Build a survey'}</h1>;
  const back = (
    <p>
      <Link to="/surveys">Back to surveys</Link>
    </p>
  );
  if (id && loading && !data) return <Loading />;
  if (id && error && !survey) {
    return (
      <>
        {heading}
        <QueryProblem error={error} idPrefix="survey" />
      </>
    );
  }
  if ((id && (!survey || !survey.viewerCanManage)) || (!id && (!mayManage || !currentOrganisation))) {
    return (
      <>
        <h1>Survey not found</h1>
        <p>There is no survey here that you can build. The CCG’s board secretary or an administrator builds its surveys.</p>
        {back}
      </>
    );
  }
  if (survey && survey.status !== 'DRAFT') {
    return (
      <>
        {heading}
        <p>This survey has been opened, so its questions can no longer change. Copy it as the next round to change them.</p>
        {back}
      </>
    );
  }
  const organisationId = survey?.organisation?.id ?? currentOrganisation?.id ?? '';
  return (
    <>
      {heading}
      {survey?.previousRound && (
        <p>
          This is the next round of “{survey.previousRound.title}”: its results will be compared with that round’s.
        </p>
      )}
      {back}
      {initial && <Builder
          key={id ?? 'new'}
          organisationId={organisationId}
          surveyId={id ?? null}
          initial={initial}
          justCreated={justCreated}
        />}
    </>
  );
}
