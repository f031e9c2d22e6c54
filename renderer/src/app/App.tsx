import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { DossierListPage } from '../dossiers/DossierListPage.js';
import { SessionGate } from '../session/SessionGate.js';
import { AppLayout } from './AppLayout.js';
import { cssVariablesResolver, theme } from './theme.js';

const queryClient = new QueryClient({
  // The core is local: no network retries, no refetch storms; data changes arrive as events.
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-right" />
        <HashRouter>
          <SessionGate>
            <Routes>
              <Route element={<AppLayout />}>
                <Route path="/dossiers" element={<DossierListPage />} />
                <Route path="*" element={<Navigate to="/dossiers" replace />} />
              </Route>
            </Routes>
          </SessionGate>
        </HashRouter>
      </MantineProvider>
    </QueryClientProvider>
  );
}
