
export function AccessTab(props: { clientId: string }) {
  return <div data-testid="todo">{JSON.stringify(props)}</div>;
}
