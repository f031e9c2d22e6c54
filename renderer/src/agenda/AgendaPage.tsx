export function AgendaPage() {
  return <div />;
}
