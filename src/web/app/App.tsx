import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { ForgotPasswordPage } from '../features/accounts/ForgotPasswordPage.tsx';
import { ResetPasswordPage } from '../features/accounts/ResetPasswordPage.tsx';
import { SettingsPage } from '../features/accounts/SettingsPage.tsx';
import { SignInPage } from '../features/accounts/SignInPage.tsx';
import { SignUpPage } from '../features/accounts/SignUpPage.tsx';
import { OutboxPage } from '../features/admin/OutboxPage.tsx';
import { DirectoryRoute, ImportRoute } from '../features/directory/lazy-pages.tsx';
import { NewThreadRoute, NotificationsRoute, ThreadListRoute, ThreadRoute, UnsubscribeRoute } from '../features/discussions/lazy-pages.tsx';
import { GroupPage } from '../features/groups/GroupPage.tsx';
import { HomePage } from '../features/groups/HomePage.tsx';
import { FoundingGuidePage } from '../features/groups/guide/FoundingGuidePage.tsx';
import { InvitationPage } from '../features/memberships/InvitationPage.tsx';
import { GroupModerationRoute, PlatformModerationRoute } from '../features/moderation/lazy-pages.tsx';
import { EditSessionRoute, ProgrammeEditorRoute, ScheduleProgrammeRoute, ScheduleSessionRoute } from '../features/sessions/lazy-pages.tsx';
import { AvailabilityRoute, PollsRoute, TimeFinderRoute } from '../features/scheduling/lazy-pages.tsx';
import { MySessionsPage } from '../features/sessions/MySessionsPage.tsx';
import { ProgrammesPage } from '../features/sessions/ProgrammesPage.tsx';
import { SessionPage } from '../features/sessions/SessionPage.tsx';
import { Layout } from './Layout.tsx';

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/signup" element={<SignUpPage />} />
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/groups" element={<DirectoryRoute />} />
        <Route path="/groups/new" element={<FoundingGuidePage />} />
        <Route path="/groups/:slug/edit" element={<FoundingGuidePage />} />
        <Route path="/groups/:slug" element={<GroupPage />} />
        <Route path="/invitations/:token" element={<InvitationPage />} />
        <Route path="/me/sessions" element={<MySessionsPage />} />
        <Route path="/groups/:slug/sessions/new" element={<ScheduleSessionRoute />} />
        <Route path="/sessions/:id" element={<SessionPage />} />
        <Route path="/sessions/:id/edit" element={<EditSessionRoute />} />
        <Route path="/groups/:slug/programmes" element={<ProgrammesPage />} />
        <Route path="/groups/:slug/programmes/new" element={<ProgrammeEditorRoute />} />
        <Route path="/programmes/:id/edit" element={<ProgrammeEditorRoute />} />
        <Route path="/programmes/:id/schedule" element={<ScheduleProgrammeRoute />} />
        <Route path="/me/availability" element={<AvailabilityRoute />} />
        <Route path="/groups/:slug/time-finder" element={<TimeFinderRoute />} />
        <Route path="/groups/:slug/polls" element={<PollsRoute />} />
        <Route path="/groups/:slug/discussions" element={<ThreadListRoute />} />
        <Route path="/groups/:slug/discussions/new" element={<NewThreadRoute />} />
        <Route path="/threads/:id" element={<ThreadRoute />} />
        <Route path="/unsubscribe/:token" element={<UnsubscribeRoute />} />
        <Route path="/me/notifications" element={<NotificationsRoute />} />
        <Route path="/groups/:slug/moderation" element={<GroupModerationRoute view="reports" />} />
        <Route path="/groups/:slug/moderation/bans" element={<GroupModerationRoute view="bans" />} />
        <Route path="/groups/:slug/moderation/log" element={<GroupModerationRoute view="log" />} />
        <Route path="/moderation" element={<PlatformModerationRoute view="reports" />} />
        <Route path="/moderation/log" element={<PlatformModerationRoute view="log" />} />
        <Route path="/admin/outbox" element={<OutboxPage />} />
        <Route path="/admin/imports" element={<ImportRoute />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
