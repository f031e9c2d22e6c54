import { Button, FileButton, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../format/dates.js';
import classes from './DropZone.module.css';

/** Drag files onto it, or use the button (keyboard users and screen readers use the button). */
export function DropZone({ maxBytes, onFiles, disabled }: { maxBytes: number; onFiles: (files: File[]) => void; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) onFiles([...event.dataTransfer.files]);
  };
  return (
    <Paper
      className={classes.zone}
      data-over={over || undefined}
      radius="lg"
      p="xl"
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <Stack align="center" gap="xs">
        <ThemeIcon size={48} radius="xl" variant="light" color="teal" aria-hidden>
          <IconUpload size={26} />
        </ThemeIcon>
        <Group gap={6}>
          <Text>{t('documents.drop')}</Text>
          <FileButton onChange={(files) => onFiles(files)} multiple disabled={disabled}>
            {(props) => (
              <Button variant="light" size="xs" {...props}>
                {t('documents.choose')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text fz="sm" c="dimmed">
          {t('documents.limit', { size: formatBytes(maxBytes, i18n.language) })}
        </Text>
      </Stack>
    </Paper>
  );
}
