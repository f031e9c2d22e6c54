import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { RetentionPage } from '../retention/RetentionPage.js';
import { AdminPage } from '../admin/AdminPage.js';
import { AccountPage } from '../account/AccountPage.js';
import { AgendaPage } from '../agenda/AgendaPage.js';
import { ClientListPage } from '../clients/ClientListPage.js';
import { DossierPage } from '../dossier/DossierPage.js';
import { SessionGate } from '../session/SessionGate.js';
import { ExportPage } from '../export/ExportPage.js';
import { BackupPage } from '../backup/BackupPage.js';
import { ConflictsPage } from '../sync/ConflictsPage.js';
import { RefusedChangesPage } from '../sync/RefusedChangesPage.js';
import { LicenceGate } from '../licence/LicenceGate.js';
import notificationClasses from './Notifications.module.css';
import { AppLayout } from './AppLayout.js';
import { cssVariablesResolver, theme } from './theme.js';

const queryClient = new QueryClient({
  // The core is local: no network retries, no refetch storms; data changes arrive as events.
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

export function App() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <Notifications position="top-right" classNames={notificationClasses} />
        <HashRouter>
          <SessionGate>
            <Routes>
              <Route element={<AppLayout />}>
                {/* Dossier data: behind the licence; the lock shows inside the layout, Beheer stays open. */}
                <Route element={<LicenceGate />}>
                  <Route path="/dossiers" element={<ClientListPage />} />
                  <Route path="/dossiers/:clientId/:tab?" element={<DossierPage />} />
                  <Route path="/agenda" element={<AgendaPage />} />
                  <Route path="/export" element={<ExportPage />} />
                  <Route path="/sync/conflicts" element={<ConflictsPage />} />
                  <Route path="/sync/refused" element={<RefusedChangesPage />} />
                </Route>
                <Route path="/instellingen/back-ups" element={<BackupPage />} />
                {/* Not behind the licence: a blocked user must still be able to change her password. */}
                <Route path="/account" element={<AccountPage />} />
                <Route path="/beheer/:tab?" element={<AdminPage />} />
                <Route path="/bewaren" element={<RetentionPage />} />
                <Route path="*" element={<Navigate to="/dossiers" replace />} />
              </Route>
            </Routes>
          </SessionGate>
        </HashRouter>
        </DatesProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
