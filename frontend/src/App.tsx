import { createBrowserRouter, Navigate, Outlet, Route, RouterProvider, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { AdminPage } from './pages/AdminPage';
import { AreaTeamPage } from './pages/areaTeam/AreaTeamPage';
import { BallotPage } from './pages/ballots/BallotPage';
import { BallotsPage } from './pages/ballots/BallotsPage';
import { CreateBallotPage } from './pages/ballots/CreateBallotPage';
import { VotingRulesPage } from './pages/ballots/VotingRulesPage';
import { CommitteePage } from './pages/committees/CommitteePage';
import { CommitteesPage } from './pages/committees/CommitteesPage';
import { ConcernPage } from './pages/concerns/ConcernPage';
import { ConcernsPage } from './pages/concerns/ConcernsPage';
import { LogConcernPage } from './pages/concerns/LogConcernPage';
import { ContractsPage } from './pages/contracts/ContractsPage';
import { IndicatorsPage } from './pages/indicators/IndicatorsPage';
import { DelegationsPage } from './pages/delegations/DelegationsPage';
import { DemoSignInPage } from './pages/DemoSignInPage';
import { HomePage } from './pages/HomePage';
import { InCommonPage } from './pages/inCommon/InCommonPage';
import { InCommonSessionPage } from './pages/inCommon/InCommonSessionPage';
import { AgendaPage } from './pages/meetings/AgendaPage';
import { MeetingPage } from './pages/meetings/MeetingPage';
import { LiveMeetingPage } from './pages/meetings/LiveMeetingPage';
import { MinutesPage } from './pages/meetings/MinutesPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationSettingsPage } from './pages/notifications/NotificationSettingsPage';
import { SentMailPage } from './pages/notifications/SentMailPage';
import { OrganisationPage } from './pages/OrganisationPage';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { MyPapersPage } from './pages/papers/MyPapersPage';
import { PaperPage } from './pages/papers/PaperPage';
import { SearchPage } from './pages/SearchPage';
import { PeoplePage } from './pages/PeoplePage';
import { PublicCommitteePage } from './pages/public/PublicCommitteePage';
import { PublicDecisionsPage } from './pages/public/PublicDecisionsPage';
import { PublicDirectoryPage } from './pages/public/PublicDirectoryPage';
import { PublicDelegationsPage } from './pages/public/PublicDelegationsPage';
import { PublicOrganisationPage } from './pages/public/PublicOrganisationPage';
import { PublicGiftsPage } from './pages/public/PublicGiftsPage';
import { PublicInterestsPage } from './pages/public/PublicInterestsPage';
import { ActionLogPage } from './pages/registers/ActionLogPage';
import { DecisionsPage } from './pages/registers/DecisionsPage';
import { GiftsPage } from './pages/registers/GiftsPage';
import { InterestsPage } from './pages/registers/InterestsPage';
import { SignInPage } from './pages/SignInPage';
import { SignOutEverywherePage } from './pages/SignOutEverywherePage';
import { AnswerSurveyPage } from './pages/surveys/AnswerSurveyPage';
import { SurveyBuilderPage } from './pages/surveys/SurveyBuilderPage';
import { SurveyResultsPage } from './pages/surveys/SurveyResultsPage';
import { SurveysPage } from './pages/surveys/SurveysPage';
import { SessionProvider, useSession } from './session';

function SignedInOnly() {
  const { viewer } = useSession();
  return viewer ? <Outlet /> : <Navigate to="/sign-in" replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="sign-in/demo" element={<DemoSignInPage />} />
        <Route path="public" element={<PublicDirectoryPage />} />
        <Route path="public/:ods" element={<PublicOrganisationPage />} />
        <Route path="public/:ods/decisions" element={<PublicDecisionsPage />} />
        <Route path="public/:ods/delegations" element={<PublicDelegationsPage />} />
        <Route path="public/:ods/committees/:committeeId" element={<PublicCommitteePage />} />
        <Route path="meetings/:id" element={<MeetingPage />} />
        <Route path="in-common/sessions/:id" element={<InCommonSessionPage />} />
        <Route path="papers/:id" element={<PaperPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="public/:ods/interests" element={<PublicInterestsPage />} />
        <Route path="public/:ods/gifts" element={<PublicGiftsPage />} />
        <Route element={<SignedInOnly />}>
          <Route path="meetings/:id/agenda" element={<AgendaPage />} />
          <Route path="my-papers" element={<MyPapersPage />} />
          <Route path="sign-out-everywhere" element={<SignOutEverywherePage />} />
          <Route path="settings/notifications" element={<NotificationSettingsPage />} />
          <Route path="sent-mail" element={<SentMailPage />} />
          <Route path="committees" element={<CommitteesPage />} />
          <Route path="in-common" element={<InCommonPage />} />
          <Route path="committees/:id" element={<CommitteePage />} />
          <Route path="delegations" element={<DelegationsPage />} />
          <Route path="area-team" element={<AreaTeamPage />} />
          <Route path="contracts" element={<ContractsPage />} />
          <Route path="indicators" element={<IndicatorsPage />} />
          <Route path="concerns" element={<ConcernsPage />} />
          <Route path="concerns/new" element={<LogConcernPage />} />
          <Route path="concerns/:id" element={<ConcernPage />} />
          <Route path="ballots" element={<BallotsPage />} />
          <Route path="ballots/new" element={<CreateBallotPage />} />
          <Route path="ballots/rules" element={<VotingRulesPage />} />
          <Route path="ballots/:id" element={<BallotPage />} />
          <Route path="committees/:id/actions" element={<ActionLogPage />} />
          <Route path="committees/:id/decisions" element={<DecisionsPage />} />
          <Route path="interests" element={<InterestsPage />} />
          <Route path="gifts" element={<GiftsPage />} />
          <Route path="decisions" element={<DecisionsPage />} />
          <Route path="meetings/:id/live" element={<LiveMeetingPage />} />
          <Route path="meetings/:id/minutes" element={<MinutesPage />} />
          <Route path="surveys" element={<SurveysPage />} />
          <Route path="surveys/new" element={<SurveyBuilderPage />} />
          <Route path="surveys/:id/build" element={<SurveyBuilderPage />} />
          <Route path="surveys/:id/answer" element={<AnswerSurveyPage />} />
          <Route path="surveys/:id/results" element={<SurveyResultsPage />} />
        </Route>
        <Route path="admin" element={<SignedInOnly />}>
          <Route index element={<AdminPage />} />
          <Route path="organisations" element={<OrganisationsPage />} />
          <Route path="organisations/:id" element={<OrganisationPage />} />
          <Route path="people" element={<PeoplePage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

// A data router, so that forms can ask before leaving unsaved edits (useBlocker needs one); the routes themselves
// stay in <AppRoutes>, which the unit tests render in a MemoryRouter.
const router = createBrowserRouter([{ path: '*', element: <AppRoutes /> }]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
