import { BrowserRouter, Navigate, Outlet, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { AdminPage } from './pages/AdminPage';
import { DemoSignInPage } from './pages/DemoSignInPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrganisationPage } from './pages/OrganisationPage';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { PeoplePage } from './pages/PeoplePage';
import { SignInPage } from './pages/SignInPage';
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

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </SessionProvider>
  );
}
