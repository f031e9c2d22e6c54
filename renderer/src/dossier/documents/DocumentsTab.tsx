
export function DocumentsTab(props: { clientId: string; canEdit: boolean }) {
  return <div data-testid="todo">{JSON.stringify(props)}</div>;
}
