import { Alert, Button, Center, Loader, Stack, Tabs, Title } from '@mantine/core';
import {
  IconAddressBook,
  IconArrowLeft,
  IconCalendarEvent,
  IconClockHour4,
  IconFileText,
  IconId,
  IconNotes,
  IconShieldLock,
  IconHistory,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isAdministrator } from '../../../shared/domain/user.js';
import { IpcCallError } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { useSession } from '../session/useSession.js';
import { AccessLogTab } from './access/AccessLogTab.js';
import { AccessTab } from './access/AccessTab.js';
import { ClientAgendaTab } from './agenda/ClientAgendaTab.js';
import { ContactsTab } from './contacts/ContactsTab.js';
import { DocumentsTab } from './documents/DocumentsTab.js';
import { useDossierExport } from './useDossierExport.js';
import { DossierHeader } from './DossierHeader.js';
import { PersonaliaTab } from './personalia/PersonaliaTab.js';
import { ReportsTab } from './reports/ReportsTab.js';
import { TimeTab } from './time/TimeTab.js';
import { useDossier } from './useDossier.js';

const tabs = ['personalia', 'contacten', 'rapportages', 'agenda', 'tijd', 'documenten', 'toegang', 'inzage'] as const;
type Tab = (typeof tabs)[number];

/** One dossier; each part is a tab with its own address, so "back" and a lock return to the same tab. */
export function DossierPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { clientId = '', tab: rawTab } = useParams();
  const tab: Tab = tabs.includes(rawTab as Tab) ? (rawTab as Tab) : 'rapportages';
  const dossier = useDossier(clientId);
  const exporter = useDossierExport(clientId);
  const session = useSession();
  const role = session.data?.state === 'unlocked' ? session.data.user.role : 'practitioner';
  const admin = isAdministrator(role);

  if (!dossier.data) {
    if (dossier.error) {
      // An administrator may not read this dossier, but does manage who may: access and overview only.
      if (admin && dossier.error instanceof IpcCallError && dossier.error.error.code === 'forbidden') {
        return (
          <Stack gap="md" data-testid="dossier-admin-only">
            <Title order={1} fz={24}>
              {t('dossier.adminOnlyTitle')}
            </Title>
            <Alert color="blue" variant="light">
              {t('dossier.adminOnlyText')}
            </Alert>
            <AccessTab clientId={clientId} />
            <AccessLogTab clientId={clientId} />
          </Stack>
        );
      }
      return (
        <Stack gap="md" align="flex-start">
          <Title order={1} fz={24}>
            {t('dossier.unavailable')}
          </Title>
          <Alert color="red" role="alert" data-testid="dossier-refused" w="100%">
            {errorText(dossier.error)}
          </Alert>
          <Button component={Link} to="/dossiers" variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            {t('dossier.backToList')}
          </Button>
        </Stack>
      );
    }
    return (
      <Center h={300}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  const { client, rights } = dossier.data;
  const tabsShown: Array<{ value: Tab; icon: ReactNode; panel: ReactNode }> = [
    { value: 'rapportages', icon: <IconNotes size={16} />, panel: <ReportsTab clientId={clientId} rights={rights} /> },
    { value: 'personalia', icon: <IconId size={16} />, panel: <PersonaliaTab client={client} canEdit={rights.canEdit} /> },
    { value: 'contacten', icon: <IconAddressBook size={16} />, panel: <ContactsTab clientId={clientId} canEdit={rights.canEdit} /> },
    { value: 'agenda', icon: <IconCalendarEvent size={16} />, panel: <ClientAgendaTab clientId={clientId} /> },
    { value: 'tijd', icon: <IconClockHour4 size={16} />, panel: <TimeTab clientId={clientId} canEdit={rights.canEdit} /> },
    { value: 'documenten', icon: <IconFileText size={16} />, panel: <DocumentsTab clientId={clientId} canEdit={rights.canEdit} /> },
  ];
  if (admin) tabsShown.push({ value: 'toegang', icon: <IconShieldLock size={16} />, panel: <AccessTab clientId={clientId} /> });
  if (admin || rights.canSignOff) tabsShown.push({ value: 'inzage', icon: <IconHistory size={16} />, panel: <AccessLogTab clientId={clientId} /> });

  return (
    <Stack gap="md">
      <DossierHeader client={client} actions={exporter.button} />
      {exporter.status}
      {/* Tight enough that an administrator's eight tabs fit one row on a 1280-pixel laptop screen. */}
      <Tabs
        value={tab}
        onChange={(value) => value && void navigate(`/dossiers/${clientId}/${value}`)}
        keepMounted={false}
        variant="outline"
        radius="md"
        styles={{ tab: { paddingInline: 10 }, tabSection: { marginInlineEnd: 6 } }}
      >
        <Tabs.List>
          {tabsShown.map(({ value, icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<span aria-hidden>{icon}</span>}>
              {t(`dossier.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabsShown.map(({ value, panel }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            {panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
