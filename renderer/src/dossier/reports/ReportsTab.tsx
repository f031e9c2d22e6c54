import type { MyDossierRights } from '../../../../shared/ipc/calls/clients.js';
export function ReportsTab(props: { clientId: string; rights: MyDossierRights }) {
  return <div data-testid="todo">{JSON.stringify(props)}</div>;
}
