
export function TimeTab(props: { clientId: string; canEdit: boolean }) {
  return <div data-testid="todo">{JSON.stringify(props)}</div>;
}
