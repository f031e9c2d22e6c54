
export function ClientAgendaTab(props: { clientId: string }) {
  return <div data-testid="todo">{JSON.stringify(props)}</div>;
}
